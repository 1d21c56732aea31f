"""``plan-assistant ask "question"`` and ``plan-assistant chat``: questions about a workspace.

Both are thin: they open the workspace, make one `ConversationService` and print its
answers. ``ask`` answers one question (``--format json`` gives the whole `Answer`); ``chat``
is a plain read-answer loop that keeps the conversation, so that « et pour le critère 4 ? »
follows the previous question. Sources are numbered under each answer.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from assistant.cli.options import AsOfOption, WorkspaceOption, reference_date
from assistant.cli.state import embedder_of, settings_of, workspace_dir

if TYPE_CHECKING:
    from assistant.chat.service import ConversationService
    from assistant.schema.chat import Answer

PlanOption = Annotated[
    str | None,
    typer.Option(
        "--plan",
        metavar="NOM",
        help="Nom du fichier de votre plan d'action, s'il y en a plusieurs.",
    ),
]
_QUIT = {"quitter", "quit", "exit", "q", ":q", "au revoir"}


def _service(
    ctx: typer.Context, workspace: Path | None, as_of: str | None, plan: str | None
) -> ConversationService:
    from assistant.chat.service import ConversationService
    from assistant.cli import console
    from assistant.store import Workspace

    settings = settings_of(ctx)
    reference = reference_date(as_of)  # a typo in the date is reported before anything opens
    opened = Workspace.open(workspace_dir(ctx, workspace), settings, create=False)
    with console.waiting("Ouverture de l'espace de travail…"):
        return ConversationService(
            opened, settings, as_of=reference, main_document=plan, embedder=embedder_of(ctx)
        )


def _show(service: ConversationService, question: str, conversation_id: str | None) -> Answer:
    """Answer one question: live text in the LLM mode, then the numbered answer.

    Without an LLM nothing streams: a spinner shows the wait (the first question of a
    process may load the embedding model), in a terminal only.
    """
    from assistant.chat.formatting import numbered
    from assistant.cli import console
    from assistant.schema.chat import Answer

    answer: Answer | None = None
    if service.llm_mode:
        for part in service.stream(question, conversation_id):
            if isinstance(part, Answer):
                answer = part
            else:
                console.err.print(part, end="", markup=False, highlight=False)
    else:
        with console.waiting("Recherche de la réponse…"):
            answer = service.ask(question, conversation_id)
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
    from assistant.cli import console

    service = _service(ctx, workspace, as_of, plan)
    if json_output:
        with console.waiting("Recherche de la réponse…"):
            answer = service.ask(question)
        typer.echo(answer.model_dump_json(indent=2))
        return
    _show(service, question, None)


def chat_command(
    ctx: typer.Context,
    workspace: WorkspaceOption = None,
    as_of: AsOfOption = None,
    plan: PlanOption = None,
) -> None:
    """Converser avec l'assistant (tapez « quitter » pour sortir)."""
    from assistant.cli import console

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
    from assistant.cli.french import FrenchCommand

    names = {command.name for command in app.registered_commands}
    if "ask" not in names:
        app.command("ask", cls=FrenchCommand)(ask_command)
    if "chat" not in names:
        app.command("chat", cls=FrenchCommand)(chat_command)
