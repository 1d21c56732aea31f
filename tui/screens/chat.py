"""Chat: questions about the plan, answered by the conversation service with citations.

The answer streams in a worker (sentence by sentence without an LLM, token by token
with one) so the screen never freezes; follow-up questions keep the conversation id
(« et pour le critère 4 ? »). Every citation opens the cited passage.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Input, Static

from assistant.errors import PlanAssistantError
from assistant.schema.chat import Answer
from tui import messages as msg
from tui.notice import unexpected
from tui.screens.base import AuditScreen
from tui.widgets.chat import ChatTurn

EXAMPLES = (
    "Par exemple : « Quelles recommandations ne sont pas couvertes ? », "
    "« Quelles actions n'ont pas de responsable ? », « Qu'est-ce qui est en retard ? », "
    "« Résume l'avancement du critère 2 »."
)


class ChatScreen(AuditScreen):
    AREA = "chat"
    AUTO_FOCUS = "#question"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "new_conversation", "Nouvelle conversation"),
        # Leaving the box gives the keys 1–6 back to the navigation; Enter comes back.
        Binding("escape", "leave_question", "Quitter la saisie", show=False),
        Binding("enter", "focus_question", "Écrire", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.conversation_id: str | None = None
        self.turn: ChatTurn | None = None  # the exchange being answered

    def compose_content(self) -> ComposeResult:
        with VerticalScroll(id="chat-log", can_focus=False):
            yield Static(EXAMPLES, id="chat-examples")
        yield Input(placeholder="Posez votre question… (Entrée pour envoyer)", id="question")

    async def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "question":
            await self.ask(event.value)

    async def ask(self, question: str) -> None:
        """Show the question and stream its answer (ignored while one is being answered)."""
        question = question.strip()
        if not question or self.turn is not None:
            return
        self.query_one("#question", Input).value = ""
        self.turn = ChatTurn(question)
        log = self.query_one("#chat-log", VerticalScroll)
        await log.mount(self.turn)
        log.scroll_end(animate=False)
        self.post_message(msg.QuestionAsked(question, self.conversation_id))
        self._answer(question, self.conversation_id)

    @work(thread=True, group="chat", exit_on_error=False)
    def _answer(self, question: str, conversation_id: str | None) -> None:
        try:
            for part in self._stream(question, conversation_id):
                if isinstance(part, Answer):
                    self.post_message(msg.AnswerReady(part))
                else:
                    self.post_message(msg.AnswerChunk(part))
        except PlanAssistantError as error:
            self.post_message(msg.AnswerFailed(str(error)))
        except Exception as error:
            self.post_message(msg.AnswerFailed(unexpected(error)))

    def _stream(self, question: str, conversation_id: str | None) -> Iterator[str | Answer]:
        return self.model.conversations().stream(question, conversation_id)

    def on_answer_chunk(self, message: msg.AnswerChunk) -> None:
        if self.turn is not None:
            self.turn.append(message.text)
            self.query_one("#chat-log", VerticalScroll).scroll_end(animate=False)

    async def on_answer_ready(self, message: msg.AnswerReady) -> None:
        self.conversation_id = message.answer.conversation_id
        if self.turn is not None:
            await self.turn.finish(message.answer)
            self.turn = None
            self.query_one("#chat-log", VerticalScroll).scroll_end(animate=False)

    def on_answer_failed(self, message: msg.AnswerFailed) -> None:
        if self.turn is not None:
            self.turn.fail(message.error)
            self.turn = None

    async def action_new_conversation(self) -> None:
        self.conversation_id = None
        log = self.query_one("#chat-log", VerticalScroll)
        await log.remove_children(ChatTurn)
        self.action_focus_question()

    def action_focus_question(self) -> None:
        self.query_one("#question", Input).focus()

    def action_leave_question(self) -> None:
        if isinstance(self.focused, Input):
            self.set_focus(None)
