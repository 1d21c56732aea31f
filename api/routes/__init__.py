"""The API's routers, one small module per resource; `create_app` includes them all."""
