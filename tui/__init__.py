"""Terminal UI adapter (Textual) over the core services.

`tui.app.make_app(settings, store)` builds the app (the ``plan-assistant tui`` command in
`tui.cli` and the tests both call it). `tui.model.WorkspaceModel` is the one object that
calls the core (audit once per workspace state, import, review, export, chat); the app
runs those calls in thread workers and reports with the typed messages of
`tui.messages`. Screens (`tui.screens`) only show the app's state; widgets are grouped by
area (`tui.widgets`); styles live in ``app.tcss``.
"""
