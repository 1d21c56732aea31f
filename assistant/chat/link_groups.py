"""A recommendation's links as the chat tells them, counted as the audit counts them.

`assistant.audit.weak_links.counts` decides what answers a recommendation: a « lien
probable, à confirmer » (a semantic link below the calibrated threshold) and a link written
for the previous report whose number was reused (« ancien rapport, à vérifier ») do not.
The chat listed them among the actions that answer; they are told apart here, labelled and
not counted. An uncovered verdict whose reason asks to check it (`verdicts.asks_to_check`)
is passed on, each sentence citing what it names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.audit.weak_links import counts
from assistant.chat.grounding import split_sentences
from assistant.chat.knowledge import Knowledge
from assistant.chat.reply import Reply
from assistant.chat.text import agree, count, quoted
from assistant.chat.wording import describe_action
from assistant.mapping.verdicts import closest_quoted
from assistant.schema import LinkKind, Mapping, MappingLink


@dataclass(frozen=True)
class LinkGroups:
    """A recommendation's actions as the audit counts them (`weak_links.counts`): those
    that answer it (cited, or by content) and those set apart, which do not."""

    written: list[str]
    semantic: list[str]
    #: « lien probable, à confirmer »: a semantic link below the calibrated threshold
    probable: list[str]
    #: written for the previous report, whose number now designates this recommendation
    earlier: list[str]

    def apart_note(self) -> str:
        """« 1 lien probable, à confirmer ; 2 liens écrits pour l'ancien rapport, à vérifier »."""
        parts = []
        if n := len(self.probable):
            parts.append(f"{count(n, 'lien probable', 'liens probables')}, à confirmer")
        if n := len(self.earlier):
            parts.append(
                f"{count(n, 'lien écrit', 'liens écrits')} pour l'ancien rapport, à vérifier"
            )
        return " ; ".join(parts)

    @property
    def answering(self) -> list[str]:
        """The actions counted as answers: cited, or covering by content."""
        return self.written + self.semantic

    @property
    def set_apart(self) -> list[str]:
        """The actions linked but not counted: probable links, links of the previous report."""
        return self.probable + self.earlier

    def resting_on_set_apart(self) -> str:
        """Why a verdict stands although no action answers: « aucune action ne la cite, le
        verdict repose sur 1 lien probable, à confirmer » ('' when an action answers)."""
        if self.answering or not self.set_apart:
            return ""
        return f"aucune action ne la cite, le verdict repose sur {self.apart_note()}"


def link_groups(knowledge: Knowledge, mapping: Mapping) -> LinkGroups:
    """The links of one recommendation whose action the workspace holds, in their groups."""
    links = [link for link in mapping.links if link.action_id in knowledge.actions]

    def ids(keep: Callable[[MappingLink], bool]) -> list[str]:
        return [link.action_id for link in links if keep(link)]

    return LinkGroups(
        written=ids(lambda link: counts(link) and link.kind is not LinkKind.SEMANTIC),
        semantic=ids(lambda link: counts(link) and link.kind is LinkKind.SEMANTIC),
        probable=ids(lambda link: link.probable and not link.previous_report),
        earlier=ids(lambda link: link.previous_report),
    )


def reason_to_check(knowledge: Knowledge, mapping: Mapping) -> tuple[list[str], list[str]]:
    """The sentences of a verdict's reason that asks to check it (without their stops), and
    what they name: the recommendation, the action quoted or the links set apart, the rival."""
    named = [link.action_id for link in mapping.links if link.previous_report]
    reason = _SCORE.sub("", mapping.reason)  # the chat prints no similarity scores
    for action in knowledge.main_actions:  # the action it quotes, quoted as the chat does
        if (shown := closest_quoted(action.text)) in reason:
            named.append(action.id)
            reason = reason.replace(shown, quoted(action.text, 90))
    named += [m.recommendation_id for m in knowledge.mappings
              if m is not mapping and f"à {m.recommendation_ref}" in reason]  # fmt: skip
    sentences = [sentence.rstrip(".") for sentence in split_sentences(reason)]
    return sentences, [mapping.recommendation_id, *dict.fromkeys(named)]


_SCORE = re.compile(r" \(score \d+[.,]\d+\)")


def say_set_apart(knowledge: Knowledge, reply: Reply, links: LinkGroups) -> None:
    """The links that do not answer, each group under its label, « non compté »."""
    groups = (
        (links.probable, "Lien probable, à confirmer", "Liens probables, à confirmer"),
        (links.earlier, "Lien écrit pour l'ancien rapport, à vérifier",
         "Liens écrits pour l'ancien rapport, à vérifier"),
    )  # fmt: skip
    for ids, one, many in groups:
        if ids:
            n = len(ids)
            reply.say(f"{agree(n, one, many)} ({agree(n, 'non compté', 'non comptés')})", *ids,
                      end=" :")  # fmt: skip
            for action_id in ids:
                reply.item(describe_action(knowledge.actions[action_id]), action_id)
