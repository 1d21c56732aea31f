"""The optional LLM mode: a LangChain chat model that calls the structured queries as tools.

Nothing here is needed by the default mode, and LangChain integrations are imported only
when a model is built (`chat_model`), with a French error naming the package to install
when it is missing. The model gets the system prompt (`prompts/chat_system.txt`), the
question, and whatever its tool calls return — always wrapped in data delimiters, so that
document text never reaches it as an instruction. Its answer is streamed sentence by
sentence, each sentence only once it passed the grounding check; the sentences that fail
are dropped and listed in the answer's warnings. When nothing survives, or the model
cannot be reached, the default-mode answer is given instead, with a warning.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from assistant.chat.grounding import GroundingChecker, note_for_people, split_sentences
from assistant.chat.knowledge import Knowledge
from assistant.chat.reply import Reply
from assistant.chat.tools import as_data, langchain_tools, run_tool
from assistant.errors import LLMBackendMissingError, LLMConfigurationError, PlanAssistantError
from assistant.extract.dates import french_date
from assistant.llm import chat_model
from assistant.prompts import load_prompt
from assistant.schema.chat import Answer, Conversation, Focus, Question

#: Tool-calling rounds before the model must answer.
MAX_ROUNDS = 4

# The one LLM factory and its errors (`assistant.llm`, `assistant.errors`), re-exported.
__all__ = ["LLMBackendMissingError", "LLMConfigurationError", "LLMResponder", "chat_model"]

Composer = Callable[[Question, Focus], Reply]
Finisher = Callable[..., Answer]


def _context(conversation: Conversation) -> str:
    """What the model may know of the conversation: questions asked and ids discussed.

    Ids only — never the documents' text, which reaches the model only as tool data.
    """
    focus = conversation.focus
    ids = [*focus.recommendation_ids, *focus.action_ids]
    asked = [turn.question.text for turn in conversation.turns[-3:]]
    parts = []
    if asked:
        parts.append("questions précédentes : " + " | ".join(asked))
    if focus.criterion:
        parts.append(f"critère : {focus.criterion}")
    if ids:
        parts.append("éléments : " + ", ".join(ids[:20]))
    return " ; ".join(parts) or "aucun"


class _SentenceGate:
    """Lets text through sentence by sentence, each one only if it passes the check."""

    def __init__(self, checker: GroundingChecker) -> None:
        self.checker = checker
        self.pending = ""
        self.kept: list[str] = []  # lines of the final text
        self.line: list[str] = []
        self.dropped: list[tuple[str, str]] = []

    def feed(self, text: str) -> Iterator[str]:
        self.pending += text
        while "\n" in self.pending:
            line, self.pending = self.pending.split("\n", 1)
            yield from self._sentences(split_sentences(line), end_of_line=True)
        sentences = split_sentences(self.pending)
        if len(sentences) > 1:  # all but the last are complete
            last = sentences[-1]
            self.pending = self.pending[self.pending.rfind(last) :]
            yield from self._sentences(sentences[:-1], end_of_line=False)

    def close(self) -> Iterator[str]:
        rest, self.pending = self.pending, ""
        yield from self._sentences(split_sentences(rest), end_of_line=True)

    def _sentences(self, sentences: list[str], *, end_of_line: bool) -> Iterator[str]:
        for sentence in sentences:
            check = self.checker.check_sentence(sentence)
            if check.supported:
                self.line.append(sentence)
                yield ("" if len(self.line) == 1 else " ") + sentence
            else:
                self.dropped.append((sentence, check.reason or "non vérifiée"))
        if end_of_line and self.line:
            self.kept.append(" ".join(self.line))
            self.line = []
            yield "\n"

    @property
    def text(self) -> str:
        return "\n".join([*self.kept, *([" ".join(self.line)] if self.line else [])]).strip()


class LLMResponder:
    """One LLM answer: tool rounds, gated streaming, fallback to the default mode."""

    def __init__(
        self, model: Any, knowledge: Knowledge, compose: Composer, finish: Finisher
    ) -> None:
        self.model = model
        self.knowledge = knowledge
        self.compose = compose
        self.finish = finish

    def _messages(self, question: Question, conversation: Conversation) -> list[Any]:
        from langchain_core.messages import HumanMessage, SystemMessage

        plan = self.knowledge.main.document.name if self.knowledge.main else "aucun"
        system = load_prompt("chat_system").format(
            plan=plan, as_of=french_date(self.knowledge.as_of)
        )
        human = load_prompt("chat_question").format(
            question=question.text, context=_context(conversation)
        )
        return [SystemMessage(content=system), HumanMessage(content=human)]

    def stream(self, question: Question, conversation: Conversation) -> Iterator[str | Answer]:
        from langchain_core.messages import HumanMessage, ToolMessage

        focus = conversation.focus
        messages = self._messages(question, conversation)
        try:
            model = self.model.bind_tools(langchain_tools(self.compose, focus))
        except NotImplementedError:  # a model without tool calling: give it the query's data
            model = self.model
            data = as_data(question.intent.value, self.compose(question, focus).text())
            messages.append(HumanMessage(content=data))
        gate = _SentenceGate(GroundingChecker(self.knowledge))
        try:
            for _ in range(MAX_ROUNDS):
                gathered: Any = None
                for chunk in model.stream(messages):
                    gathered = chunk if gathered is None else gathered + chunk
                    if isinstance(chunk.content, str) and chunk.content:
                        yield from gate.feed(chunk.content)
                calls = list(getattr(gathered, "tool_calls", None) or [])
                if not calls:
                    break
                messages.append(gathered)
                for call in calls:
                    result = run_tool(
                        call["name"], dict(call.get("args") or {}), self.compose, focus
                    )
                    messages.append(
                        ToolMessage(content=result, tool_call_id=call.get("id") or call["name"])
                    )
            yield from gate.close()
        except PlanAssistantError:
            raise
        except Exception as error:  # the server is down, the model refused...: default mode
            yield from self._fallback(
                question,
                conversation,
                f"Le modèle de langage n'a pas répondu ({type(error).__name__} : {error}) ; réponse sans LLM.",
            )
            return
        if not gate.text:
            yield from self._fallback(
                question,
                conversation,
                "Aucune phrase de la réponse du modèle n'a pu être vérifiée ; réponse sans LLM.",
                gate.dropped,
            )
            return
        warnings = [
            note_for_people(sentence, reason, removed=True) for sentence, reason in gate.dropped
        ]
        reply = Reply(warnings=warnings)
        answer = self.finish(
            reply, question, conversation, self.knowledge, text=gate.text, mode="llm"
        )
        yield _with_llm_focus(answer, self.knowledge, question)

    def _fallback(self, question: Question, conversation: Conversation, note: str,
                  dropped: list[tuple[str, str]] | None = None) -> Iterator[str | Answer]:  # fmt: skip
        reply = self.compose(question, conversation.focus)
        notes = [note, *(note_for_people(s, reason, removed=True) for s, reason in dropped or [])]
        yield reply.text()
        yield self.finish(reply, question, conversation, self.knowledge, warnings=notes)


def _with_llm_focus(answer: Answer, knowledge: Knowledge, question: Question) -> Answer:
    """The focus of an LLM answer: the recommendations and actions it cited."""
    cited = [c.id for c in answer.citations]
    focus = answer.follow_up_context.model_copy(
        update={
            "intent": question.intent,
            "recommendation_ids": [i for i in cited if i in knowledge.recommendations],
            "action_ids": [i for i in cited if i in knowledge.actions],
            "subject": "actions"
            if any(i in knowledge.actions for i in cited)
            else "recommendations",
        }
    )
    return answer.model_copy(update={"follow_up_context": focus})
