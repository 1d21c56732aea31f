"""Chat: questions answered with citations, follow-ups by conversation id, SSE streaming."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from api_helpers import Tenant
from fakes import HashingEmbedder
from fastapi.testclient import TestClient

from api.app import create_app
from assistant.settings import Settings

pytest.importorskip("assistant.chat.service", reason="the conversation service is not installed")

QUESTION = "Quelles recommandations ne sont pas couvertes ?"
#: An internal id as the store writes it: a web application's user never reads one.
RAW_ID = re.compile(r"\b(?:act|rec|swot|gap|draft|doc)-[0-9a-f]{8,}\b")
NUMBERS = re.compile(r"\[(\d+(?:-\d+)?(?:, \d+(?:-\d+)?)*)\]")


def _cited_numbers(text: str) -> set[int]:
    """The citation numbers of a text: « [1, 3-4] » → {1, 3, 4}."""
    found: set[int] = set()
    for group in NUMBERS.findall(text):
        for part in group.split(", "):
            low, _, high = part.partition("-")
            found.update(range(int(low), int(high or low) + 1))
    return found


def _reads_for_people(answer: dict[str, Any]) -> None:
    """French text citing by number; every number is one of `citations`; ids only there."""
    assert not RAW_ID.search(answer["text"]), answer["text"]
    numbers = _cited_numbers(answer["text"])
    assert numbers and numbers == set(range(1, len(answer["citations"]) + 1))
    assert all(RAW_ID.fullmatch(c["id"]) for c in answer["citations"])


def _events(body: str) -> list[tuple[str, str]]:
    """(event, data) pairs of a Server-Sent Events body."""
    events = []
    for block in body.strip().split("\n\n"):
        name = next(line[7:] for line in block.splitlines() if line.startswith("event: "))
        data = "\n".join(line[6:] for line in block.splitlines() if line.startswith("data: "))
        events.append((name, data))
    return events


def test_a_question_gets_a_cited_answer_and_a_conversation_id(
    client: TestClient, demo_a: Tenant
) -> None:
    response = client.post(demo_a.url("/chat"), json={"question": QUESTION}, headers=demo_a.headers)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["conversation_id"] and answer["question"] == QUESTION
    assert "Critère 2, Recommandation 2" in answer["text"]
    assert answer["citations"] and all(c["id"] for c in answer["citations"])
    _reads_for_people(answer)
    follow_up = client.post(
        demo_a.url("/chat"),
        json={"question": "Et au critère 3 ?", "conversation_id": answer["conversation_id"]},
        headers=demo_a.headers,
    )
    assert follow_up.status_code == 200
    assert follow_up.json()["conversation_id"] == answer["conversation_id"]


def test_the_streamed_answer_is_the_same_answer_in_chunks(
    client: TestClient, demo_a: Tenant
) -> None:
    with client.stream(
        "POST", demo_a.url("/chat/stream"), json={"question": QUESTION}, headers=demo_a.headers
    ) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        body = "".join(response.iter_text())
    events = _events(body)
    assert events[-1][0] == "answer" and {name for name, _ in events[:-1]} == {"delta"}
    answer = json.loads(events[-1][1])
    assert "".join(json.loads(data)["text"] for _, data in events[:-1]) == answer["text"]
    assert answer["citations"]
    _reads_for_people(answer)


def test_chat_requests_are_validated(client: TestClient, demo_a: Tenant) -> None:
    for body in (
        {"question": ""},
        {"question": "   "},
        {"question": "x" * 2001},
        {"question": "Bonjour", "conversation_id": "../../autre"},
        {"question": "Bonjour", "role": "system"},
        {},
    ):
        for path in ("/chat", "/chat/stream"):
            response = client.post(demo_a.url(path), json=body, headers=demo_a.headers)
            assert response.status_code == 422, (path, body)
            assert response.json()["error"]["code"] == "validation_error"


def test_a_follow_up_can_reach_another_worker(
    client: TestClient, demo_a: Tenant, settings: Settings
) -> None:
    """Two apps on one data directory stand for two uvicorn workers behind a load balancer."""

    def ask(on: TestClient, question: str, conversation: str | None = None) -> dict[str, Any]:
        body = {"question": question} | ({"conversation_id": conversation} if conversation else {})
        response = on.post(demo_a.url("/chat"), json=body, headers=demo_a.headers)
        assert response.status_code == 200, response.text
        return dict(response.json())

    here = ask(client, QUESTION)
    follow_up_here = ask(client, "Et au critère 3 ?", here["conversation_id"])
    there = ask(client, QUESTION)
    other_app = create_app(settings, HashingEmbedder())
    try:
        with TestClient(other_app) as other_worker:
            follow_up_there = ask(other_worker, "Et au critère 3 ?", there["conversation_id"])
            out_of_context = ask(other_worker, "Et au critère 3 ?")
    finally:
        other_app.state.context.close()

    assert follow_up_there["text"] == follow_up_here["text"]
    assert follow_up_there["text"] != out_of_context["text"]
