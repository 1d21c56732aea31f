"""Optional rewording of drafts by a chat model — never required, never trusted blindly.

The deterministic drafts are complete and cited; a language model can only make their
French more natural. It is optional (``settings.llm.provider`` is "none" by default, and
then nothing here imports any LLM package) and it is checked: the reworded draft must
keep every cited source id in brackets, invent none, keep the proposal's meaning (the same
role for an owner; the same numbers and a still measurable wording for an indicator). If
the model fails, answers off format, or drops or invents a citation, the deterministic
draft is kept as is.

Document text is data, not instructions: action wordings go into the prompt between
<document> delimiters (any delimiter inside them is removed first), and the checks above
reject an answer that obeyed an instruction planted in a plan (« Ignore les instructions
précédentes... »), since such an answer no longer carries the draft's citations and meaning.

The model comes from the one factory of LLM backends, `assistant.llm.chat_model`
(loaded lazily; the chat's LLM mode uses the same).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from assistant.audit.french import content_stems
from assistant.audit.measurability import is_measurable
from assistant.audit.roles import role_key
from assistant.errors import LLMBackendMissingError, LLMError
from assistant.llm import chat_model
from assistant.prompts import load_prompt
from assistant.schema import Action, Draft, DraftField
from assistant.settings import LLMSettings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

# The factory and its errors, re-exported: they were defined here before `assistant.llm`.
__all__ = ["LLMBackendMissingError", "LLMError", "chat_model", "rewrite_draft", "rewrite_drafts"]

PROMPT = "rewrite_draft"
#: Share of the proposal's content words a reworded indicator must keep.
MIN_KEPT_WORDS = 0.5

_REPLY = re.compile(
    r"^\s*Proposition\s*:\s*(?P<proposal>.+?)\s*\n+\s*Justification\s*:\s*(?P<rationale>.+?)\s*$",
    re.DOTALL | re.IGNORECASE,
)
_CITATION = re.compile(r"\[([^\[\]\s]+)\]")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_DELIMITER = re.compile(r"</?\s*document\s*>", re.IGNORECASE)


def _data(text: str) -> str:
    """Document text made safe to put between <document> delimiters."""
    return _DELIMITER.sub(" ", text).strip()


def citations(draft: Draft) -> list[str]:
    """The source ids the reworded text must carry, in brackets."""
    return [source.ref for source in draft.sources]


def render_prompt(draft: Draft, action: Action | None) -> str:
    """The filled `prompts/rewrite_draft.txt` for one draft."""
    cited = " ".join(f"[{ref}]" for ref in citations(draft))
    sources = "\n".join(f"[{s.ref}] {_data(s.label)}" for s in draft.sources)
    return load_prompt(PROMPT).format(
        action=_data(action.text if action is not None else ""),
        draft=_data(f"Proposition : {draft.proposal}\nJustification : {draft.rationale} {cited}"),
        sources=sources or "(aucune)",
    )


def parse_reply(reply: str) -> tuple[str, str] | None:
    """(proposal, rationale) from a « Proposition : … / Justification : … » answer."""
    match = _REPLY.match(reply.strip())
    if match is None:
        return None
    return match["proposal"].strip(), match["rationale"].strip()


def grounded(draft: Draft, proposal: str, rationale: str) -> bool:
    """Does a reworded draft keep the citations and the meaning of the deterministic one?"""
    wanted = set(citations(draft))
    found = set(_CITATION.findall(f"{proposal} {rationale}"))
    if not wanted <= found or not found <= wanted:
        return False  # a citation dropped, or one invented
    if draft.field not in (DraftField.OWNER, DraftField.INDICATOR):
        return False  # deadlines and new actions are kept as drafted
    bare = _CITATION.sub(" ", proposal).strip()
    if not bare or len(bare) > 3 * len(draft.proposal) + 40:
        return False
    if draft.field is DraftField.OWNER:
        return role_key(bare) == role_key(draft.proposal)
    if not is_measurable(bare) or not set(_NUMBER.findall(draft.proposal)) <= set(
        _NUMBER.findall(bare)
    ):
        return False
    kept = set(content_stems(draft.proposal))
    return not kept or len(kept & set(content_stems(bare))) / len(kept) >= MIN_KEPT_WORDS


def rewrite_draft(draft: Draft, action: Action | None, model: BaseChatModel) -> Draft:
    """The draft reworded by `model`, or the draft itself when the answer does not hold up.

    The id is kept: it names the deterministic proposal, so a coordinator's decision on a
    draft survives a rewording that differs from one run to the next.
    """
    try:
        reply = model.invoke(render_prompt(draft, action))
    except Exception:  # an unreachable server must cost the rewording, never the draft
        return draft
    parsed = parse_reply(str(reply.text))
    if parsed is None:
        return draft
    proposal, rationale = parsed
    if not grounded(draft, proposal, rationale):
        return draft
    bare = " ".join(_CITATION.sub(" ", proposal).split())
    return draft.model_copy(update={"proposal": bare, "rationale": rationale})


def rewrite_drafts(
    drafts: Iterable[Draft],
    actions: Mapping[str, Action],
    settings: LLMSettings,
    model: BaseChatModel | None = None,
) -> list[Draft]:
    """Reword every draft when a model is configured (or given); else return them unchanged.

    Args:
        drafts: deterministic drafts.
        actions: action id → action (its wording goes into the prompt, as data).
        settings: the LLM section of the settings; provider "none" imports nothing.
        model: a chat model to use instead of the configured one (tests pass a fake).

    Raises:
        LLMBackendMissingError: the provider's LangChain package is not installed.
    """
    drafts = list(drafts)
    if model is None:
        model = chat_model(settings)
        if model is None:
            return drafts
    return [rewrite_draft(draft, actions.get(draft.action_id), model) for draft in drafts]
