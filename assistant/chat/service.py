"""The conversation service: one call per question, answers with citations, follow-ups kept.

`ConversationService(workspace, settings)` answers in the default mode (no LLM): the
question's intent is recognised by rules, the answer is composed from the audit and the
workspace's items, and the grounding check verifies it before it is returned. When the
settings name an LLM (or a chat model is passed), the LLM mode answers instead, with the
same structured queries as tools and the same grounding check on its sentences.

The service keeps what is costly (the audit, the retriever) in a `Knowledge` rebuilt only
when the workspace's documents change, and keeps conversations (each with the focus its
follow-ups refer to) in a `ConversationMemory`: this process's memory (the most recent
`max_conversations`) by default, the workspace database behind several API workers.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from assistant.analyses import current_state, unchanged, workspace_audit
from assistant.chat import (
    answers_actions,
    answers_audit,
    answers_coverage,
    answers_dates,
    answers_fields,
    answers_gaps,
    answers_search,
    answers_status,
    answers_topics,
)
from assistant.chat.document_text import TextPassage, read_text_passages
from assistant.chat.followups import action_referent, with_ordinal_referent
from assistant.chat.grounding import GroundingChecker, note_for_people
from assistant.chat.history import history_composer
from assistant.chat.intents import recognize
from assistant.chat.knowledge import Knowledge, choose_main_plan
from assistant.chat.memory import ConversationMemory, InMemoryConversations
from assistant.chat.nonsense import asked_operation
from assistant.chat.reply import Line, Reply, cited_ids
from assistant.chat.resolve import acronym_in_question, completed_words, owner_in_question
from assistant.chat.stated_facts import asks_a_stated_fact
from assistant.retrieval.deferred import deferred_retriever
from assistant.retrieval.embedder import Embedder
from assistant.retrieval.french import make_tokenizer
from assistant.retrieval.hybrid import HybridRetriever
from assistant.retrieval.workspace_indexes import open_retriever, workspace_passages
from assistant.schema.chat import Answer, Conversation, Focus, Intent, Question, Turn
from assistant.settings import Settings
from assistant.store import Workspace

Composer = Callable[[Knowledge, Question, Focus], Reply]

COMPOSERS: dict[Intent, Composer] = {
    Intent.UNCOVERED: answers_coverage.uncovered,
    Intent.RECOMMENDATION: answers_coverage.recommendation,
    Intent.PROGRESS: answers_coverage.progress,
    Intent.MISSING_FIELD: answers_fields.missing_field,
    Intent.LATE: answers_fields.late,
    Intent.STATUS: answers_status.by_status,
    Intent.THEME_OWNERS: answers_actions.theme_owners,
    Intent.ACTION_DETAILS: answers_actions.action_details,
    Intent.OWNER_ACTIONS: answers_actions.owner_actions,
    Intent.INDICATORS: answers_search.indicators,
    Intent.OTHER_PLANS: answers_search.other_plans,
    Intent.DUPLICATES: answers_audit.duplicates,
    Intent.SWOT_GAPS: answers_audit.swot_gaps,
    Intent.OWNER_DRAFTS: answers_audit.owner_drafts,
    Intent.COUNTS: answers_audit.counts,
    Intent.DUE: answers_dates.due,
    Intent.GAPS: answers_gaps.gaps,
    Intent.HISTORY: history_composer(),
    Intent.THEME_STATUS: answers_topics.theme_status,
    Intent.ADVICE: answers_topics.advice,
    Intent.FREE: answers_search.free,
}


class ConversationService:
    """Answers questions about one workspace, in the default mode or with an LLM.

    Args:
        workspace: the open workspace.
        settings: the settings (``settings.llm.provider`` chooses the mode).
        retriever: a retriever over the workspace (default: the workspace's own indexes).
        llm: a LangChain chat model; given, it is used whatever the settings say.
        as_of: reference date for deadlines (default: today).
        main_document: name or id of the coordinator's own plan (default: chosen, see
            `assistant.chat.knowledge.choose_main_plan`).
        memory: where conversations are kept (default: in this process).
        embedder: replaces the configured model of the workspace's retriever (a test's fake).
    """

    def __init__(
        self,
        workspace: Workspace,
        settings: Settings,
        *,
        retriever: HybridRetriever | None = None,
        llm: Any = None,
        as_of: date | None = None,
        main_document: str | None = None,
        max_conversations: int = 100,
        memory: ConversationMemory | None = None,
        embedder: Embedder | None = None,
    ) -> None:
        self.workspace = workspace
        self.settings = settings
        self.as_of = as_of
        self.main_document = main_document
        self._retriever = retriever
        self._embedder = embedder
        self._llm = llm
        self._knowledge: Knowledge | None = None
        self._fingerprint: tuple[Any, ...] | None = None
        self._memory = memory or InMemoryConversations(max_conversations)

    # -- state -------------------------------------------------------------------------------

    @property
    def llm_mode(self) -> bool:
        return self._llm is not None or self.settings.llm.provider != "none"

    def knowledge(self) -> Knowledge:
        """What the service knows of the workspace, rebuilt when its documents changed."""
        as_of = self.as_of or date.today()
        # Everything `plans()` returns: an accepted draft written into an action counts too.
        fingerprint = (unchanged.fingerprint(self.workspace), as_of, self.main_document)
        if self._knowledge is None or fingerprint != self._fingerprint:
            state = current_state(self.workspace)
            plans = state.plans
            knowledge = Knowledge(
                plans=plans,
                main=choose_main_plan(plans, self.main_document),
                as_of=as_of,
                retriever=self._open_retriever(plans) if plans else None,
                tokenize=make_tokenizer(self.settings.retrieval.tokenizer).tokenize,
                earlier_versions=self.workspace.versions,
                document_text=self._document_text,
            )
            # The audit the report shows (computed once per state, by whichever process).
            knowledge.shared_audit = lambda: workspace_audit(
                self.workspace,
                self.settings,
                as_of=as_of,
                plans=knowledge.scope,
                state=state,
                searcher=self._retriever,
                embedder=self._embedder,
            )
            self._knowledge = knowledge
            self._fingerprint = (state.fingerprint, as_of, self.main_document)
        return self._knowledge

    def _document_text(self) -> list[TextPassage]:
        """The paragraphs and table rows of the stored originals (read on first need)."""
        originals = [(d.id, d.name, self.workspace.root / d.original_path)
                     for d in self.workspace.documents()]  # fmt: skip
        return read_text_passages(originals, self.settings.ingest)

    def _open_retriever(self, plans: list[Any]) -> HybridRetriever:
        if self._retriever is not None:
            self._retriever.sync(workspace_passages(plans))
            return self._retriever
        # Opened at the first search: a question about owners or deadlines loads no model.
        return deferred_retriever(
            lambda: open_retriever(self.workspace.root, self.settings, self._embedder)
        )

    def warm_up(self) -> None:
        """Compute now what the first questions would otherwise wait for.

        The audit (mappings, gaps), the drafting context, the embedding model and the
        lexical index: after this, answers take milliseconds (see ``make eval``).
        """
        knowledge = self.knowledge()
        if not knowledge.plans:
            return
        knowledge.audit  # noqa: B018 - computed and cached on first access
        knowledge.drafting  # noqa: B018
        if knowledge.retriever is not None:
            knowledge.retriever.search("plan d'action", k=1)

    def conversation(self, conversation_id: str | None = None) -> Conversation:
        """The conversation with this id (a new one when None or forgotten)."""
        if conversation_id:
            found = self._memory.get(conversation_id)
            if found is not None:
                return found
        conversation = Conversation(id=conversation_id or uuid.uuid4().hex[:12])
        self._memory.put(conversation)
        return conversation

    # -- asking ------------------------------------------------------------------------------

    def understand(self, text: str, conversation_id: str | None = None) -> Question:
        """How a question is understood (intent, entities), without answering it."""
        knowledge = self.knowledge()
        conversation = self.conversation(conversation_id)
        focus = conversation.focus if conversation.turns else None

        def owner_of(question: str) -> str | None:
            entry = owner_in_question(knowledge, question)
            return entry.label if entry is not None else None

        # « qui pourrait s'occuper de la première ? »: the item of the last list, named
        read = with_ordinal_referent(text, focus, _referents(knowledge, focus))
        question = recognize(
            read,
            focus,
            owner_of,
            knowledge.vocabulary(),
            loose_owner_of=lambda asked: acronym_in_question(knowledge, asked),
        )
        question.text = text
        if asks_a_stated_fact(knowledge, question, focus):  # « quand les experts sont-ils venus ? »
            question.intent = Intent.FREE
        entities = question.entities
        if entities.theme:  # « la biosécu » → « la biosécurité »: words cut short, completed
            entities.theme = completed_words(knowledge, entities.theme)
        if entities.action_query:
            entities.action_query = completed_words(knowledge, entities.action_query)
        return question

    def ask(self, question: str, conversation_id: str | None = None) -> Answer:
        """Answer a question (a new conversation when `conversation_id` is None)."""
        answer: Answer | None = None
        for part in self.stream(question, conversation_id):
            if isinstance(part, Answer):
                answer = part
        assert answer is not None
        return answer

    def stream(self, question: str, conversation_id: str | None = None) -> Iterator[str | Answer]:
        """Text chunks as they are ready, then the final `Answer`.

        In the default mode the composed answer comes sentence by sentence (line by line);
        in the LLM mode the model's tokens come as soon as the sentence they belong to
        passed the grounding check.
        """
        conversation = self.conversation(conversation_id)
        understood = self.understand(question, conversation.id)
        knowledge = self.knowledge()
        if self.llm_mode:
            from assistant.chat.llm import LLMResponder

            responder = LLMResponder(self._chat_model(), knowledge, self.compose, self.finish)
            answer: Answer | None = None
            for part in responder.stream(understood, conversation):
                if isinstance(part, Answer):
                    answer = part
                else:
                    yield part
            assert answer is not None
        else:
            reply = self.compose(understood, conversation.focus)
            yield from _chunks(reply)
            answer = self.finish(reply, understood, conversation, knowledge)
        self._remember(conversation, understood, answer)
        yield answer

    def compose(self, question: Question, focus: Focus) -> Reply:
        """The default-mode reply to an understood question."""
        knowledge = self.knowledge()
        if not knowledge.plans:
            return Reply(confidence=1.0).say(
                "Importez d'abord le rapport des experts et votre plan d'action "
                "(plan-assistant ingest FICHIER) : l'espace de travail est vide"
            )
        reply = COMPOSERS[question.intent](knowledge, question, focus)
        operation = asked_operation(question.normalized)
        if operation is not None and question.intent is not Intent.FREE:
            # « envoie un rappel aux responsables en retard »: said first, then what is known
            reply.lines.insert(
                0, Line(f"Je ne peux pas {operation} moi-même ; voici ce que disent les documents")
            )
        return reply

    def finish(
        self,
        reply: Reply,
        question: Question,
        conversation: Conversation,
        knowledge: Knowledge,
        *,
        text: str | None = None,
        mode: str = "default",
        warnings: list[str] | None = None,
    ) -> Answer:
        """The `Answer` for a reply (or for a checked LLM text): citations, focus, verdict."""
        text = reply.text() if text is None else text
        report = GroundingChecker(knowledge).check_text(text)
        notes = list(reply.warnings) + list(warnings or [])
        for check in report.unsupported:
            notes.append(note_for_people(check.sentence, check.reason))
        citations = [c for i in cited_ids(text) if (c := knowledge.citation(i)) is not None]
        return Answer(
            conversation_id=conversation.id,
            question=question.text,
            text=text,
            citations=citations,
            intent=question.intent,
            confidence=reply.confidence if reply.confidence is not None else question.confidence,
            follow_up_context=_focus_after(conversation.focus, question, reply),
            mode="llm" if mode == "llm" else "default",
            grounded=report.grounded,
            warnings=notes,
        )

    def _remember(self, conversation: Conversation, question: Question, answer: Answer) -> None:
        conversation.turns.append(Turn(question=question, answer=answer))
        conversation.focus = answer.follow_up_context
        self._memory.put(conversation)

    def _chat_model(self) -> Any:
        if self._llm is None:
            from assistant.errors import LLMConfigurationError
            from assistant.llm import chat_model

            self._llm = chat_model(self.settings.llm)
            if self._llm is None:
                raise LLMConfigurationError(
                    "Aucun LLM n'est configuré (PLAN_ASSISTANT_LLM__PROVIDER=none)."
                )
        return self._llm


def _chunks(reply: Reply) -> Iterator[str]:
    """The reply's text line by line, with the separators `Reply.text()` puts between them."""
    text = reply.text()
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        if end == -1:
            yield text[start:]
            return
        while end < len(text) and text[end] == "\n":
            end += 1
        yield text[start:end]
        start = end


def _focus_after(previous: Focus, question: Question, reply: Reply) -> Focus:
    """What follow-ups will refer to after this answer."""
    if reply.subject is None:  # a question back, a refusal: the focus does not move
        return previous.model_copy(
            update={"intent": question.intent, "entities": question.entities}
        )
    return Focus(
        intent=question.intent,
        entities=question.entities,
        criterion=reply.criterion or question.entities.criterion,
        recommendation_ids=reply.recommendation_ids,
        action_ids=reply.action_ids,
        owner=reply.owner,
        subject=reply.subject,
    )


def _referents(knowledge: Knowledge, focus: Focus | None) -> dict[str, str]:
    """The words standing for each item the last answer listed (for « la première »)."""
    if focus is None:
        return {}
    found = {
        i: action_referent(a.text) for i in focus.action_ids if (a := knowledge.actions.get(i))
    }
    for mapping in knowledge.mappings:
        if mapping.recommendation_id in focus.recommendation_ids:
            criterion, _, number = mapping.recommendation_key.partition("/r")
            if number and criterion.startswith("c"):
                found[mapping.recommendation_id] = (
                    f"la recommandation {number} du critère {criterion[1:]}"
                )
    return found
