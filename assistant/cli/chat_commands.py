"""``plan-assistant ask "question"`` and ``plan-assistant chat``: questions about a workspace.

Both are thin: they open the workspace, make one `ConversationService` and print its
answers. ``ask`` answers one question (``--format json`` gives the whole `Answer`); ``chat``
is a plain read-answer loop that keeps the conversation, so that « et pour le critère 4 ? »
follows the previous question. Sources are numbered under each answer.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from assistant.chat.formatting import numbered
from assistant.chat.models import Answer
from assistant.chat.service import ConversationService
from assistant.cli import console
from assistant.cli.state import settings_of, workspace_dir
from assistant.reference_date import check_reference_date
from assistant.store import Workspace

WorkspaceOption = Annotated[
    Path | None, typer.Option("--workspace", "-w", help="Dossier de l'espace de travail.")
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of", help="Date de référence AAAA-MM-JJ pour les échéances (défaut : aujourd'hui)."
    ),
]
PlanOption = Annotated[
    str | None,
    typer.Option("--plan", help="Nom du fichier de votre plan d'action, s'il y en a plusieurs."),
]
_QUIT = {"quitter", "quit", "exit", "q", ":q", "au revoir"}


def _service(
    ctx: typer.Context, workspace: Path | None, as_of: str | None, plan: str | None
) -> ConversationService:
    settings = settings_of(ctx)
    reference = _as_of(as_of)  # a typo in the date is reported before anything is opened
    opened = Workspace.open(workspace_dir(ctx, workspace), settings, create=False)
    return ConversationService(opened, settings, as_of=reference, main_document=plan)


def _as_of(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"« {value} » n'est pas une date AAAA-MM-JJ.", param_hint="--as-of"
        ) from None
    try:
        return check_reference_date(parsed)
    except ValueError as error:
        raise typer.BadParameter(f"{error}.", param_hint="--as-of") from None


def _show(service: ConversationService, question: str, conversation_id: str | None) -> Answer:
    """Answer one question: live text in the LLM mode, then the numbered answer."""
    answer: Answer | None = None
    for part in service.stream(question, conversation_id):
        if isinstance(part, Answer):
            answer = part
        elif service.llm_mode:
            console.err.print(part, end="", markup=False, highlight=False)
    assert answer is not None
    if service.llm_mode:
        console.err.print()
    console.out.print(numbered(answer), markup=False, highlight=False, soft_wrap=True)
    for warning in answer.warnings:
        console.print_warning(warning)
    return answer


def ask_command(
    ctx: typer.Context,
    question: Annotated[str, typer.Argument(help="La question, entre guillemets.")],
    workspace: WorkspaceOption = None,
    as_of: AsOfOption = None,
    plan: PlanOption = None,
    json_output: Annotated[
        bool,
        typer.Option("--json", help="Afficher la réponse complète en JSON (citations comprises)."),
    ] = False,
) -> None:
    """Poser une question sur le plan d'action (réponse sourcée)."""
    service = _service(ctx, workspace, as_of, plan)
    if json_output:
        typer.echo(service.ask(question).model_dump_json(indent=2))
        return
    _show(service, question, None)


def chat_command(
    ctx: typer.Context,
    workspace: WorkspaceOption = None,
    as_of: AsOfOption = None,
    plan: PlanOption = None,
) -> None:
    """Converser avec l'assistant (tapez « quitter » pour sortir)."""
    service = _service(ctx, workspace, as_of, plan)
    console.err.print(
        "Posez vos questions sur le plan d'action ; « nouveau » recommence une conversation, "
        "« quitter » pour sortir.",
        markup=False,
        highlight=False,
    )
    conversation_id: str | None = None
    while True:
        try:
            question = input("\nVous > ").strip()
        except (EOFError, KeyboardInterrupt):
            console.err.print()
            return
        if not question:
            continue
        if question.casefold() in _QUIT:
            return
        if question.casefold() in {"nouveau", "nouvelle conversation"}:
            conversation_id = None
            console.err.print("Nouvelle conversation.", markup=False)
            continue
        conversation_id = _show(service, question, conversation_id).conversation_id


def register(app: Any) -> None:
    """Add ``ask`` and ``chat`` to the Typer application (idempotent)."""
    names = {command.name for command in app.registered_commands}
    if "ask" not in names:
        app.command("ask")(ask_command)
    if "chat" not in names:
        app.command("chat")(chat_command)
