"""The coverage verdict of a recommendation, and its reason in French for the coordinator.

A verdict resting on content alone is unsure, and says so. A « lien probable » is to be
confirmed. An uncovered recommendation whose closest action went to another one names
that action: on the in-sample report pairs (plans citing nothing) about a third of the
« non couverte » verdicts are wrong, and neither the closest action's score nor the other
recommendation's lead tells them apart (ranking AUC 0.51), so the reason asks to check.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.mapping.semantic import Calibration
from assistant.schema import Action, Coverage, LinkKind, MappingLink, StatusCategory

#: How much of the closest action's wording an uncovered verdict's reason quotes.
_QUOTED = 90


def verdict(
    links: Sequence[MappingLink], actions: dict[str, Action], params: Calibration
) -> tuple[Coverage, str]:
    """Coverage of a recommendation and the reason, in French."""
    confirmed = [link for link in links if link.confirmed]
    written = [link for link in links if link.kind is not LinkKind.SEMANTIC]
    if confirmed and not written:
        n = len(confirmed)
        return Coverage.COVERED, (
            f"{n} action{'s' if n > 1 else ''} y répond{'ent' if n > 1 else ''} : "
            f"lien{'s' if n > 1 else ''} confirmé{'s' if n > 1 else ''} par le coordinateur."
        )
    if written:
        live = [
            w
            for w in written
            if actions[w.action_id].status_category
            not in (StatusCategory.ABANDONED, StatusCategory.POSTPONED)
        ]
        n = len(written)
        text = f"{n} action{'s' if n > 1 else ''} y répond{'ent' if n > 1 else ''} explicitement"
        if not live:
            text += " (toutes reportées ou plus d'actualité)"
        scores = [w.content_score for w in written if w.content_score is not None]
        if scores and max(scores) < params.weak_written:
            return Coverage.PARTIAL, (
                f"{text}, mais leur contenu ne répond qu'en partie à la recommandation "
                f"(score {max(scores):.2f}) : vérifiez qu'elles en couvrent tous les aspects."
            )
        return Coverage.COVERED, text + "."
    best = max((link.score for link in links), default=0.0)
    if links and all(link.probable for link in links):
        return Coverage.PARTIAL, (
            f"Lien probable, à confirmer : aucune action ne la cite, mais une action semble y "
            f"répondre (score {best:.2f}, sa meilleure correspondance) ; confirmez ou rejetez "
            "ce lien."
        )
    if best >= params.covered:
        return Coverage.COVERED, (
            f"Aucune action ne la cite, mais une action y répond par son contenu (score {best:.2f})."
        )
    if best >= params.partial:
        return Coverage.PARTIAL, (
            f"Aucune action ne la cite ; des actions proches existent (score {best:.2f}), "
            "à confirmer ou à compléter."
        )
    return Coverage.UNCOVERED, "Aucune action du plan ne la cite ni n'y répond par son contenu."


def asks_to_check(reason: str) -> bool:
    """Whether a verdict's reason asks the coordinator to check it (« c'est à vérifier »,
    « vérifiez si… »): the chat passes such a reason on with an uncovered verdict."""
    return "à vérifier" in reason or "vérifiez" in reason


def closest_quoted(action_text: str) -> str:
    """The closest action's wording as a contested reason quotes it."""
    text = " ".join(action_text.split())
    return "« " + (text if len(text) <= _QUOTED else text[: _QUOTED - 1].rstrip() + "…") + " »"


def contested_reason(action_text: str, score: float, rival_ref: str) -> str:
    """Why a recommendation is uncovered though an action comes close to it.

    Args:
        action_text: the closest action's wording.
        score: its ranking score for this recommendation.
        rival_ref: the recommendation it went to (the one it answers better).
    """
    return (
        "Aucune action ne la cite ni ne semble y répondre d'abord, mais c'est à vérifier : "
        f"l'action la plus proche, {closest_quoted(action_text)} (score {score:.2f}), répond mieux à {rival_ref}. Si elle répond "
        "aussi à celle-ci, confirmez le lien ; sinon, complétez le plan."
    )
