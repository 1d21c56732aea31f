"""/docs and /redoc work on a machine with no network: every asset they load is ours."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

_URL = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']|url\s*:\s*["']([^"']+)["']""")


def _referenced(html: str) -> list[str]:
    return [first or second for first, second in _URL.findall(html)]


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_documentation_pages_load_only_local_assets(client: TestClient, page: str) -> None:
    response = client.get(page)
    assert response.status_code == 200
    urls = _referenced(response.text)
    assert any(url.endswith(".js") for url in urls), urls
    assert "http://" not in response.text and "https://" not in response.text
    for url in urls:
        assert url.startswith("/"), url
        assert client.get(url).status_code == 200, url
