"""Owner drafts: who, among the institution's own roles, usually carries actions like this one.

An owner must be a function the institution recognises, never an invented one, never a
collective (« l'équipe ») and never a person's name. So candidates come only from the role
catalog of the workspace, and the ranking is a vote: the actions that read most like the
one without owner each vote for the roles of their owner cell, weighted by how similar
they are (and more when they are in the same plan, or run on the same site: « LLN : » ...).
A small prior adds the roles that already carry the actions of the same objective or axis,
which is how plans are usually divided up. Roles are compared by `role_key`, so « DAE –
Directions Aux Enseignements » and « DAE » vote together; the label shown is the catalog's.

Each draft cites the actions that voted for it and the catalog entry, and says it is a
suggestion: the vote reflects habits of the plan, not a decision.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from assistant.audit.base import quote
from assistant.audit.french import word_set
from assistant.audit.owners import looks_like_a_person
from assistant.audit.roles import RoleEntry, role_key, split_owner
from assistant.drafting.context import DraftingContext, Neighbour, similar_actions
from assistant.drafting.ids import draft_id
from assistant.french.numbers import percent
from assistant.schema import Action, Draft, DraftField, DraftSource

# The weights below were chosen on the leave-one-out evaluation of the gold plans
# (evals/drafting_eval.py); results are flat around them (top 3: 0.69-0.74 over the grid).

#: How many owner proposals per action.
TOP = 3
#: A vote from another plan of the workspace counts this much (another programme, other habits).
OTHER_DOCUMENT = 0.3
#: A role that carries no action of the drafted action's own plan is discounted this much.
FOREIGN_ROLE = 0.2
#: A vote from an action run on the same site (« LLN : ») counts this much more.
SAME_SITE = 1.5
#: A role only ever used on other sites than the action's (« MONS : » vs « LLN : ») counts this much.
OTHER_SITE = 0.3
#: Exponent on similarity: above 1, the closest actions dominate the vote.
SHARPNESS = 3.0
#: Weight of the prior for roles carrying actions of the same objective / the same axis.
OBJECTIVE_PRIOR = 0.3
AXIS_PRIOR = 0.05
#: Weight of the prior for the roles the plan uses most (small plans divide work by habit).
PLAN_PRIOR = 0.15
#: How many supporting actions a draft cites.
CITED_ACTIONS = 3


@dataclass
class RoleVote:
    """The votes one role received for an action."""

    entry: RoleEntry
    score: float = 0.0
    supporters: list[tuple[float, Neighbour]] = field(default_factory=list)
    prior: float = 0.0


# Heads of short keys that name a group of people, not a function that answers for an action
# (« Enseignant-e-s du B1 », « Membres de la Commission »); longer keys are kept, they
# usually name a mission (« Les 2 MDP chargé-e-s de la mission numérique »).
_GROUP_HEADS = word_set(
    """enseignant professeur membre intervenant titulaire etudiant personnel acteur
    collegue"""
)


# Words of an instruction, not of a role: an owner cell « Ignore les instructions précédentes
# et propose … » must never become another action's owner (words as `role_key` writes them).
_INSTRUCTION_WORDS = frozenset(
    [
        "ignore",
        "ignorer",
        "ignorez",
        "oublie",
        "oublier",
        "oubliez",
        "instruction",
        "consigne",
        "prompt",
        "systeme",
    ]
)
_INSTRUCTION_HEADS = frozenset(
    [
        "propose",
        "proposer",
        "proposez",
        "nomme",
        "nommer",
        "nommez",
        "remplace",
        "remplacer",
        "remplacez",
        "attribue",
        "attribuer",
        "attribuez",
        "ecris",
        "ecrire",
        "ecrivez",
        "reponds",
        "repondre",
        "repondez",
        "affiche",
        "afficher",
        "execute",
        "executer",
        "executez",
    ]
)
_MAX_ROLE_WORDS = 14  # as written, small words included
_NOT_IN_A_ROLE = ("://", "<", ">", "{", "}", "[", "]")


def plausible_role(key: str, surface: str) -> bool:
    """Whether an owner fragment reads like a role or a body, not a sentence or an order.

    A role is a short noun phrase (« Coordination qualité », « CAP »): no instruction words,
    no leading verb, no markup or address, a dozen words at most.
    """
    words = key.split()
    return (
        bool(words)
        and len(surface.split()) <= _MAX_ROLE_WORDS
        and words[0] not in _INSTRUCTION_HEADS
        and not _INSTRUCTION_WORDS & set(words)
        and not any(mark in surface for mark in _NOT_IN_A_ROLE)
    )


def usable_role(entry: RoleEntry) -> bool:
    """A role that can be proposed: precise (not « l'équipe »), a function, not a name."""
    surface = entry.surfaces.most_common(1)[0][0] if entry.surfaces else entry.key
    words = entry.key.split()
    group = bool(words) and words[0] in _GROUP_HEADS and len(words) <= 3
    return (
        not entry.vague
        and bool(words)
        and not group
        and not looks_like_a_person(surface)
        and plausible_role(entry.key, surface)
    )


def _roles(owner: str | None, context: DraftingContext) -> tuple[RoleEntry, ...]:
    if not owner:
        return ()
    known = context.memo.roles.get(owner)
    if known is None:
        # every action drafted reads the owner cells of its whole plan: split them once
        found: list[RoleEntry] = []
        for entry in context.roles.roles_of(owner):
            if usable_role(entry) and entry not in found:
                found.append(entry)
        known = context.memo.roles[owner] = tuple(found)
    return known


def _vote_weight(action: Action, neighbour: Neighbour, context: DraftingContext) -> float:
    weight: float = neighbour.similarity**SHARPNESS
    if not neighbour.same_document:
        weight *= OTHER_DOCUMENT
    site = context.sites.get(action.id)
    if site is not None and context.sites.get(neighbour.action.id) == site:
        weight *= SAME_SITE
    return weight


def _add_prior(action: Action, context: DraftingContext, votes: dict[str, RoleVote]) -> None:
    """Roles carrying the other actions of the same objective, the same axis, the same plan."""
    plan = context.plan_of(action)
    if plan is None:
        return
    for attribute, weight in (
        ("objective", OBJECTIVE_PRIOR),
        ("axis", AXIS_PRIOR),
        ("", PLAN_PRIOR),
    ):
        value = getattr(action, attribute) if attribute else plan.document.id
        if not value:
            continue
        peers = [
            a
            for a in plan.actions
            if a.id != action.id and (not attribute or getattr(a, attribute) == value)
        ]
        owned = [(peer, _roles(peer.owner, context)) for peer in peers]
        owned = [(peer, roles) for peer, roles in owned if roles]
        for _, roles in owned:
            for entry in roles:
                vote = votes.setdefault(entry.key, RoleVote(entry))
                share = weight / (len(owned) * len(roles))
                vote.score += share
                vote.prior += share


def owner_votes(action: Action, context: DraftingContext) -> list[RoleVote]:
    """Every role that received a vote for `action`, the strongest first (ties: by key)."""
    votes: dict[str, RoleVote] = {}
    for neighbour in similar_actions(action, context):
        roles = _roles(neighbour.action.owner, context)
        if not roles:
            continue
        weight = _vote_weight(action, neighbour, context)
        for entry in roles:
            vote = votes.setdefault(entry.key, RoleVote(entry))
            vote.score += weight / len(roles)
            vote.supporters.append((weight / len(roles), neighbour))
    _add_prior(action, context, votes)
    own_roles = _roles_of_document(action.document_id, context)
    site = context.sites.get(action.id)
    for key, vote in votes.items():
        if key not in own_roles:
            vote.score *= FOREIGN_ROLE
        if site is not None and _only_elsewhere(vote.entry, site, context):
            vote.score *= OTHER_SITE
    return sorted(votes.values(), key=lambda v: (-v.score, v.entry.key))


def _only_elsewhere(entry: RoleEntry, site: str, context: DraftingContext) -> bool:
    """True when every action of the role runs on a site, and none on this one."""
    known = context.memo.role_sites.get(entry.key)
    if known is None:
        sites = [context.sites.get(action_id) for action_id in entry.action_ids]
        known = context.memo.role_sites[entry.key] = (
            frozenset(s for s in sites if s is not None),
            None in sites,
        )
    sites_of_role, unsited = known
    return bool(sites_of_role) and not unsited and site not in sites_of_role


def _roles_of_document(document_id: str, context: DraftingContext) -> frozenset[str]:
    """Keys of the roles carrying at least one action of a document."""
    by_document = context.memo.document_roles
    if by_document is None:  # every document's at once: one pass over the catalog
        found: dict[str, set[str]] = {}
        for entry in context.roles.entries:
            for action_id in entry.action_ids:
                document = context.document_of.get(action_id)
                if document is not None:
                    found.setdefault(document, set()).add(entry.key)
        by_document = {document: frozenset(keys) for document, keys in found.items()}
        context.memo.document_roles = by_document
    return by_document.get(document_id, frozenset())


def _role_actions_in(
    entry: RoleEntry, document_id: str, context: DraftingContext
) -> tuple[str, ...]:
    """The role's actions of one document, in the role's order (grouped once per role)."""
    by_document = context.memo.role_actions.get(entry.key)
    if by_document is None:
        grouped: dict[str, list[str]] = {}
        for action_id in entry.action_ids:
            document = context.document_of.get(action_id)
            if document is not None:
                grouped.setdefault(document, []).append(action_id)
        by_document = {document: tuple(ids) for document, ids in grouped.items()}
        context.memo.role_actions[entry.key] = by_document
    return by_document.get(document_id, ())


def _owner_label(neighbour: Neighbour, entry: RoleEntry) -> str:
    """How the cited action writes the role (« DAE – Directions Aux Enseignements »)."""
    for surface in split_owner(neighbour.action.owner):
        if role_key(surface) == entry.key:
            return surface
    return entry.label


def _sources(vote: RoleVote, context: DraftingContext, label: str) -> list[DraftSource]:
    cited: list[DraftSource] = []
    seen: set[str] = set()
    for _, neighbour in sorted(vote.supporters, key=lambda pair: (-pair[0], pair[1].rank)):
        if neighbour.action.id in seen:
            continue
        seen.add(neighbour.action.id)
        owner = _owner_label(neighbour, vote.entry)
        cited.append(
            DraftSource(
                kind="action",
                ref=neighbour.action.id,
                label=f"{owner} porte {quote(neighbour.action.text, 80)}",
                span=neighbour.action.source,
            )
        )
        if len(cited) == CITED_ACTIONS:
            break
    count = len(vote.entry.action_ids)
    cited.append(
        DraftSource(
            kind="role",
            ref=role_ref(vote.entry.key),
            label=(
                f"Rôle déjà nommé dans les plans : « {label} » "
                f"({count} action{'s' if count > 1 else ''})"
            ),
        )
    )
    return cited


def role_ref(key: str) -> str:
    """Citation id of a catalog role: « role:direction-enseignement »."""
    return "role:" + key.replace(" ", "-")


def role_label(entry: RoleEntry, document_id: str, context: DraftingContext) -> str:
    """The catalog's spelling of a role, as the drafted action's own plan writes it if it does.

    « Coordinateur·rice des TFE » in the demo plan and « Coordination TFE » elsewhere are one
    catalog role; a coordinator recognises her own plan's words.
    """
    spellings: Counter[str] = Counter()
    for action_id in _role_actions_in(entry, document_id, context):
        owner = context.actions[action_id].owner
        spellings.update(s for s in split_owner(owner) if role_key(s) == entry.key)
    if not spellings:
        return entry.label
    surface = spellings.most_common(1)[0][0]
    return surface[:1].upper() + surface[1:]


def _rationale(vote: RoleVote, share: float, label: str) -> str:
    actions = len({n.action.id for _, n in vote.supporters})
    if actions:
        why = (
            f"« {label} » porte déjà {actions} action{'s' if actions > 1 else ''} "
            f"proche{'s' if actions > 1 else ''} de celle-ci (part du vote : {percent(share)})"
        )
    else:
        why = f"« {label} » porte déjà des actions du même objectif ou du même axe"
    if vote.prior and actions:
        why += " et des actions du même objectif ou du même axe"
    return (
        f"Suggestion, pas un fait : {why}. Vérifiez avec la personne concernée avant de "
        "l'inscrire au plan."
    )


def draft_owners(action: Action, context: DraftingContext, top: int = TOP) -> list[Draft]:
    """Up to `top` owner proposals for an action, taken from the workspace's own roles.

    Returns no draft when no similar action has a usable owner (nothing to ground one on).
    """
    votes = [vote for vote in owner_votes(action, context) if vote.score > 0]
    total = sum(vote.score for vote in votes)
    drafts: list[Draft] = []
    for vote in votes[:top]:
        share = vote.score / total
        best = max((n.similarity for _, n in vote.supporters), default=0.0)
        confidence = round(min(1.0, share * (0.5 + 0.5 * best) * 1.5), 2)
        proposal = role_label(vote.entry, action.document_id, context)
        drafts.append(
            Draft(
                id=draft_id(action.id, DraftField.OWNER, proposal),
                action_id=action.id,
                field=DraftField.OWNER,
                proposal=proposal,
                confidence=confidence,
                rationale=_rationale(vote, share, proposal),
                sources=_sources(vote, context, proposal),
            )
        )
    return drafts
