"""The same plan twice: found at import, and settled as the coordinator chooses.

The plan held as .docx, .pdf and .xlsx, imported together, would triple every action and
every gap of the audit. Before anything is written, each new or changed file is compared
(`assistant.ingest.signature`) with the documents the workspace holds and with the files
before it in the batch. A file whose content is the same or nearly the same as one of
them is a `DuplicateFound`; the coordinator's choice (`DuplicateChoice`) either keeps the
document already there (the file is not stored, and the report says so), records the
file as the next version of that plan, or keeps both as distinct documents (two
programmes' plans filled in from one template can look alike; the stored file then
carries a note saying which document it resembles). Without a choice, nothing is stored
silently: the duplicate is skipped and reported.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from assistant.french.numbers import percent
from assistant.ingest.signature import NEARLY_SAME, SAME_CONTENT, Signature, signature, similarity
from assistant.parsing import ParsedFile
from assistant.schema import Plan
from assistant.schema.workspace import DuplicateChoice, FileOutcome, Outcome


@dataclass(frozen=True)
class DuplicateFound:
    """A file of the batch whose content is (nearly) that of another document."""

    path: Path
    name: str = ""
    of_name: str = ""
    of_id: str = ""
    similarity: float = 0.0
    in_batch: bool = False

    @property
    def same(self) -> bool:
        """True for the same content (another format or copy), False for a revision."""
        return self.similarity >= SAME_CONTENT

    def describe(self) -> str:
        """« plan-action.docx a le même contenu que plan-action.md (similarité 100 %) »."""
        how = "le même contenu que" if self.same else "un contenu très proche de"
        where = "un autre fichier de ce lot" if self.in_batch else "un document déjà importé"
        return (
            f"{self.name} a {how} {self.of_name} ({where}, similarité {percent(self.similarity)})"
        )


#: The coordinator's answer for one duplicate (an interactive prompt, a form field...).
DuplicateDecider = Callable[[DuplicateFound], DuplicateChoice]


def decider(choice: DuplicateChoice | DuplicateDecider | None) -> DuplicateDecider:
    """A fixed choice (or None: skip, the safe default) as a decider."""
    if choice is None:
        return lambda _found: DuplicateChoice.SKIP
    if isinstance(choice, DuplicateChoice):
        fixed = choice
        return lambda _found: fixed
    return choice


def settle_duplicates(
    parsed: Sequence[ParsedFile],
    stored: Sequence[Plan],
    unchanged: Collection[Path],
    decide: DuplicateDecider,
) -> tuple[list[ParsedFile], dict[Path, FileOutcome]]:
    """Split a parsed batch into the files to write and the duplicates skipped.

    A file continuing a stored document of the same name (a changed file) is compared
    with the other documents only. A file chosen as a new version gets `supersedes`.

    Returns:
        The files to write (in batch order) and, by path, the outcome of each skipped one.
    """
    pool: dict[str, tuple[str, Signature]] = {
        plan.document.id: (plan.document.name, signature(plan)) for plan in stored
    }
    from_batch: set[str] = set()
    kept: list[ParsedFile] = []
    skipped: dict[Path, FileOutcome] = {}
    for item in parsed:
        document = item.plan.document
        if item.path in unchanged:
            kept.append(item)
            continue
        own = signature(item.plan)
        found = _closest(item, own, pool, from_batch)
        if found is not None:
            choice = decide(found)
            if choice is DuplicateChoice.SKIP:
                skipped[item.path] = _skipped(item, found)
                continue
            if choice is DuplicateChoice.KEEP_BOTH:
                item = replace(item, plan=_noted(item.plan, found))
            else:
                item = replace(item, supersedes=found.of_id)
                pool.pop(found.of_id, None)  # now an earlier version: not compared any more
        pool[document.id] = (document.name, own)
        from_batch.add(document.id)
        kept.append(item)
    return kept, skipped


def _closest(
    item: ParsedFile,
    own: Signature,
    pool: dict[str, tuple[str, Signature]],
    from_batch: set[str],
) -> DuplicateFound | None:
    best: DuplicateFound | None = None
    for document_id, (name, other) in pool.items():
        if document_id == item.plan.document.id:
            continue  # the stored version of this very file: a change, not a duplicate
        score = similarity(own, other)
        if score >= NEARLY_SAME and (best is None or score > best.similarity):
            best = DuplicateFound(
                path=item.path,
                name=item.plan.document.name,
                of_name=name,
                of_id=document_id,
                similarity=score,
                in_batch=document_id in from_batch,
            )
    return best


def _noted(plan: Plan, found: DuplicateFound) -> Plan:
    """The plan kept beside the document it resembles, with a note saying so."""
    note = (
        f"{found.describe()} : conservé comme document distinct, à votre demande (ni "
        "doublon, ni nouvelle version de ce plan)."
    )
    return plan.model_copy(update={"warnings": [*plan.warnings, note]})


def _skipped(item: ParsedFile, found: DuplicateFound) -> FileOutcome:
    plan = item.plan
    return FileOutcome(
        name=plan.document.name,
        path=str(item.path),
        document_id=plan.document.id,
        outcome=Outcome.DUPLICATE,
        sha256=plan.document.sha256,
        recommendations=len(plan.recommendations),
        actions=len(plan.actions),
        swot=len(plan.swot),
        warnings=plan.warnings,
        duplicate_of=found.of_name,
        similarity=round(found.similarity, 3),
        note=(
            f"Doublon non importé : {found.describe()}. Le document déjà présent est "
            "conservé. Pour enregistrer ce fichier comme nouvelle version de ce plan, "
            "relancez l'import en choisissant « nouvelle version » ; s'il s'agit d'un autre "
            "plan (un autre programme, rédigé sur le même modèle), choisissez « garder les "
            "deux »."
        ),
    )
