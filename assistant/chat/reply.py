"""How a composed answer is built and written out: lines, citations in brackets, focus.

Composers never format strings with citations by hand: they add `Line`s that carry their
evidence ids, and `Reply.text()` writes each one as « sentence [id, id]. », bullets as
« - ... ». Keeping the ids next to the words they support is what lets the grounding check
(`assistant.chat.grounding`) verify every claim, and lets a renderer number them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from assistant.chat.text import unique

Subject = Literal["recommendations", "actions", "criterion", "passages"]

#: A bracketed list of cited ids: « [act-1a2b3c4d5e6f, rec-…] », « [pattern:stage-…] ».
CITATION_GROUP = re.compile(r"\[((?:[a-z]+[-:][\w.:-]+)(?:\s*,\s*[a-z]+[-:][\w.:-]+)*)\]")


def cited_ids(text: str) -> list[str]:
    """Ids cited in a text, in order of first citation."""
    return unique(
        item.strip() for group in CITATION_GROUP.findall(text) for item in group.split(",")
    )


@dataclass
class Line:
    """One sentence (or bullet) and the ids of the evidence it states."""

    text: str
    cites: tuple[str, ...] = ()
    bullet: bool = False
    end: str = "."

    def render(self) -> str:
        body = self.text.rstrip()
        if self.cites:
            body += " [" + ", ".join(unique(self.cites)) + "]"
        return ("- " if self.bullet else "") + body + self.end


@dataclass
class Reply:
    """What a composer produces: lines, and what the conversation should focus on next."""

    lines: list[Line] = field(default_factory=list)
    criterion: str | None = None
    recommendation_ids: list[str] = field(default_factory=list)
    action_ids: list[str] = field(default_factory=list)
    owner: str | None = None  # the owner the answer is about (« ses actions » next)
    subject: Subject | None = None
    confidence: float | None = None  # overrides the recogniser's (e.g. when asking back)
    warnings: list[str] = field(default_factory=list)

    def say(self, text: str, *cites: str, end: str = ".") -> Reply:
        """A sentence; `end` is « . », « : » or « » (for a question that ends with « ? »)."""
        self.lines.append(Line(text, tuple(cites), end=end))
        return self

    def item(self, text: str, *cites: str) -> Reply:
        """A bullet of the list announced by the previous sentence."""
        self.lines.append(Line(text, tuple(cites), bullet=True))
        return self

    def items(self, entries: Iterable[tuple[str, Iterable[str]]]) -> Reply:
        for text, cites in entries:
            self.item(text, *cites)
        return self

    def about(
        self,
        subject: Subject,
        *,
        criterion: str | None = None,
        recommendations: Iterable[str] = (),
        actions: Iterable[str] = (),
    ) -> Reply:
        """Record what this answer is about, for the follow-ups."""
        self.subject = subject
        self.criterion = criterion
        self.recommendation_ids = unique(recommendations)
        self.action_ids = unique(actions)
        return self

    def text(self) -> str:
        """Markdown-light text: paragraphs separated by a blank line, bullets grouped."""
        out: list[str] = []
        previous: Line | None = None
        for line in self.lines:
            if out:
                out.append("\n" if line.bullet and previous is not None else "\n\n")
            out.append(line.render())
            previous = line
        return "".join(out)

    def cited(self) -> list[str]:
        return unique(item for line in self.lines for item in line.cites)
