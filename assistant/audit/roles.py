"""The roles an institution already uses, read from the owners of its actions.

An owner cell often names several roles ("DAE + équipes de la Cellule d'Aide à la Réussite")
and one role is written many ways ("DAE", "DAE – Directions Aux Enseignements",
"Directions aux Enseignements"; "Coordinateur·rice de section", "coordinatrice de section").
The audit needs one key per role to say "« Responsable des stages » already carries actions
on this subject", and the drafting step needs the list of roles to propose an owner the
institution recognises instead of inventing one. Keys are for matching only; labels shown to
the coordinator are always a form the plan itself uses.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from assistant.audit.french import STOPWORDS, WORD, key_text, word_set
from assistant.french.folding import fold_inclusive
from assistant.schema import Action, Plan

ACRONYMS_FILE = "role_acronyms.json"


@cache
def _acronym_table() -> dict[str, tuple[str, bool]]:
    folder = resources.files("assistant.audit").joinpath("data")
    raw = json.loads(folder.joinpath(ACRONYMS_FILE).read_text("utf-8"))
    return {
        acronym: (str(entry["expansion"]), bool(entry["role"]))
        for acronym, entry in raw["acronyms"].items()
    }


def role_acronyms() -> dict[str, str]:
    """Acronym → expansion, as an OWNER (see `data/role_acronyms.json`)."""
    return dict(_expansions())


@cache
def _expansions() -> dict[str, str]:
    # Read-only inside this module: `role_acronyms()` hands callers their own copy.
    return {acronym: expansion for acronym, (expansion, _) in _acronym_table().items()}


def _is_role_acronym(word: str) -> bool:
    """'DAE', 'CAP': an acronym that names, alone, someone who can carry an action."""
    entry = _acronym_table().get(word)
    return entry is not None and entry[1]


# --- splitting an owner cell into roles -------------------------------------------------

_PARENS = re.compile(r"\([^()]*\)")
_HARD_SEPARATORS = re.compile(r"\s*(?:;|\+|,|\n|\s&\s)\s*")
_DASH = re.compile(r"\s+[-–—]\s+")
_ET = re.compile(r"\s+et\s+", re.IGNORECASE)
_SLASH = re.compile(r"\s*/\s*")
# Words that open a role: a capitalised one in the middle of a cell starts a new role whose
# separator was lost ("Coordination promotion réussite Responsable du Centre de Documentation").
_ROLE_HEADS = word_set(
    """responsable responsables coordination coordinations coordinateur coordinatrice
    coordonnateur coordonnatrice direction directions directeur directrice cellule service
    secretariat commission comite referent referente charge chargee charges conseiller
    conseillere president presidente equipe equipes college"""
)
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]{0,2}[A-Z][a-z]?$|^[A-Z]{2,6}$")


def _is_acronym(word: str) -> bool:
    return bool(_ACRONYM.match(word)) or word in _expansions()


def _initials(words: Iterable[str]) -> str:
    return "".join(w[0] for w in words if w).casefold()


def _is_expansion(acronym: str, expansion: str) -> bool:
    """'DAE' and 'Directions Aux Enseignements': the second spells out the first."""
    words = WORD.findall(key_text(expansion))
    wanted = acronym.casefold()
    return _initials(words) == wanted or _initials(w for w in words if w not in STOPWORDS) == wanted


def _split_dashes(part: str) -> list[str]:
    pieces = re.split(r"(\s+[-–—]\s+)", part)  # keep each dash as written
    merged: list[str] = [pieces[0]]
    for dash, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        if _is_acronym(merged[-1].strip()) and _is_expansion(merged[-1].strip(), piece):
            merged[-1] = f"{merged[-1]}{dash}{piece}"
        else:
            merged.append(piece)
    return merged


def _split_et(part: str) -> list[str]:
    pieces = _ET.split(part)
    merged: list[str] = [pieces[0]]
    for piece in pieces[1:]:
        first = piece.split()[0] if piece.split() else ""
        # "de l'Education et du Social", "pédagogique et d'années", "B2 HJ et HD": one role.
        keep_together = (
            re.match(r"^(?:du|de|des|d['’])", piece, re.IGNORECASE) is not None
            or (len(piece) <= 3 and piece.isupper() and not _is_role_acronym(piece))
            or first.casefold() in {"de", "du", "des"}
        )
        if keep_together:
            merged[-1] = f"{merged[-1]} et {piece}"
        else:
            merged.append(piece)
    return merged


def _split_slash(part: str) -> list[str]:
    pieces = _SLASH.split(part)
    if len(pieces) == 2 and " " not in pieces[0].strip() and " " not in pieces[1].strip():
        a, b = key_text(pieces[0]), key_text(pieces[1])
        if len(a) >= 3 and a[:3] == b[:3]:  # "tuteurs/tutrices", "lecteurs/lectrices"
            return [part]
    return pieces


def _is_complete(words: list[str]) -> bool:
    """Can these words stand as a role ("Coordination d'année", "DAE"), not "équipes de la"?"""
    if not words or key_text(words[-1]).strip() in STOPWORDS or words[-1].endswith(("'", "’")):
        return False
    content = [w for w in WORD.findall(key_text(" ".join(words))) if w not in STOPWORDS]
    content = [w for w in content if not w.isdigit()]
    return len(content) >= 2 or (len(words) == 1 and _is_acronym(words[0]))


def _split_glued(part: str) -> list[str]:
    """Cut before a capitalised role head that follows a complete role (a lost separator)."""
    dash = _DASH.split(part, maxsplit=1)
    if len(dash) == 2 and _is_acronym(dash[0]) and _is_expansion(dash[0], dash[1]):
        return [part]
    roles: list[list[str]] = [[]]
    for word in part.split():
        current = roles[-1]
        head = key_text(word) in _ROLE_HEADS and word[:1].isupper()
        if _is_complete(current) and (head or _is_role_acronym(word)):
            roles.append([word])
        else:
            current.append(word)
    return [" ".join(r) for r in roles if r]


def split_owner(owner: str | None) -> list[str]:
    """The roles named in an owner cell, as written, in order.

    Separators are ';', '+', ',', line breaks, '/', ' - ' and ' et ', except inside
    parentheses, in an acronym and its expansion ("DAE – Directions Aux Enseignements"),
    in a name ("Collège du Département de l'Education et du Social") and in inclusive
    alternatives ("tuteurs/tutrices").
    """
    if not owner or not owner.strip():
        return []
    return list(_split_owner(owner))


@lru_cache(maxsize=8192)
def _split_owner(owner: str) -> tuple[str, ...]:
    # The same owner cells are split by every rule, the catalog and each owner draft.
    masked: dict[str, str] = {}

    def mask(match: re.Match[str]) -> str:
        token = f"\x00{len(masked)}\x00"
        masked[token] = match.group(0)
        return token

    text = _PARENS.sub(mask, owner.strip())
    parts = [text]
    for splitter in (_HARD_SEPARATORS.split, _split_dashes, _split_slash, _split_et, _split_glued):
        parts = [piece for part in parts for piece in splitter(part)]
    roles: list[str] = []
    for part in parts:
        for token, original in masked.items():
            part = part.replace(token, original)
        cleaned = part.strip(" .:-–")
        if cleaned:
            roles.append(cleaned)
    return tuple(roles)


# --- canonical keys ---------------------------------------------------------------------

# Feminine and variant spellings of role nouns, after folding.
_WORD_MAP = {
    "coordonnateur": "coordination",
    "coordinateur": "coordination",
    "coordinatrice": "coordination",
    "coordonnatrice": "coordination",
    "directeur": "direction",
    "directrice": "direction",
    "prof": "professeur",
    "profs": "professeur",
    "etudiante": "etudiant",
    "chargee": "charge",
    "deleguee": "delegue",
    "designee": "designe",
    "employee": "employe",
    "associee": "associe",
}
_SUFFIXES = (("trice", "teur"), ("euse", "eur"), ("ere", "er"), ("ente", "ent"), ("ante", "ant"))
_ROLE_DROP = frozenset({"ensemble", "corps", "chacune"})
_UNITS = frozenset({"cellule", "service", "commission", "comite", "college", "secretariat"})


def _normal_word(word: str) -> str:
    if word in _WORD_MAP:
        return _WORD_MAP[word]
    if len(word) > 4 and word.endswith("aux"):
        word = word[:-3] + "al"
    elif len(word) > 3 and word.endswith(("s", "x")):
        word = word[:-1]
    if word in _WORD_MAP:
        return _WORD_MAP[word]
    for feminine, masculine in _SUFFIXES:
        if len(word) > len(feminine) + 2 and word.endswith(feminine):
            return word[: -len(feminine)] + masculine
    return word


@lru_cache(maxsize=8192)
def role_key(role: str) -> str:
    """Canonical key of one role: folded, no articles, acronyms expanded, singular, masculine.

    "DAE – Directions Aux Enseignements", "DAE" and "Directions aux enseignements" share the
    key "direction enseignement"; "Cellule d'appui pédagogique (CAP)" and "CAP" share theirs.
    """
    table = _expansions()
    # « Coordinateur·rice », « coordinateur.trice », « coordinateur(trice) »: one role.
    text = fold_inclusive(role.strip())
    dash = _DASH.split(text, maxsplit=1)
    if len(dash) == 2 and _is_acronym(dash[0]) and _is_expansion(dash[0], dash[1]):
        text = dash[0]
    for inner in _PARENS.findall(text):
        acronym = inner.strip("() ")
        text = text.replace(inner, " ")
        if acronym in table and not WORD.findall(key_text(text)):
            text = acronym
    words: list[str] = []
    for raw in re.findall(r"[\w·'’-]+", text):
        expansion = table.get(raw) if (raw.isupper() or raw in table) else None
        words.extend(WORD.findall(key_text(expansion or raw)))
    kept = [_normal_word(w) for w in words if w not in STOPWORDS and w not in _ROLE_DROP]
    if len(kept) > 1 and kept[0] == "equipe" and kept[1] in _UNITS:
        kept = kept[1:]  # "Équipe de la Cellule d'Aide à la Réussite" is the Cellule
    while len(kept) > 1 and kept[0].isdigit():
        kept = kept[1:]  # "Les 2 MDP chargé·e·s de..." counts people; the role is the rest
    return " ".join(w for w in kept if len(w) > 1 or w.isdigit())


# A collective names nobody: "l'équipe", "tous les enseignants", "équipe pédagogique".
_COLLECTIVES = (
    "équipe",
    "équipes",
    "équipe pédagogique",
    "équipe éducative",
    "équipe enseignante",
    "équipe de la section",
    "enseignants",
    "enseignants de la section",
    "professeurs",
    "professeurs de la section",
    "personnel",
    "personnel enseignant",
    "membres du personnel",
    "chargés de cours",
    "étudiants",
    "intervenants",
    "acteurs",
    "acteurs concernés",
    "tout le monde",
    "chacun",
    "collègues",
    "titulaires",
    "titulaires de cours",
    "la section",
    "le département",
)


@cache
def _collective_keys() -> frozenset[str]:
    return frozenset(role_key(c) for c in _COLLECTIVES)


def is_vague_role(role: str) -> bool:
    """True for a collective that names nobody in particular ("Tous les enseignants")."""
    return role_key(role) in _collective_keys()


def is_vague_owner(owner: str | None) -> bool:
    """True when every role of the owner cell is a vague collective."""
    roles = split_owner(owner)
    return bool(roles) and all(is_vague_role(r) for r in roles)


# --- the catalog --------------------------------------------------------------------------


@dataclass
class RoleEntry:
    """One role of the institution, with every spelling seen and the actions it owns."""

    key: str
    surfaces: Counter[str] = field(default_factory=Counter)
    action_ids: list[str] = field(default_factory=list)
    vague: bool = False

    @property
    def label(self) -> str:
        """The most frequent spelling (the first seen on a tie), capitalised."""
        surface = self.surfaces.most_common(1)[0][0]
        return surface[:1].upper() + surface[1:]


class RoleCatalog:
    """Role key → label and owned actions, for all the plans of a workspace."""

    def __init__(self) -> None:
        self._entries: dict[str, RoleEntry] = {}

    @classmethod
    def from_actions(cls, actions: Iterable[Action]) -> RoleCatalog:
        catalog = cls()
        for action in actions:
            catalog.add(action)
        return catalog

    @classmethod
    def from_plans(cls, plans: Iterable[Plan]) -> RoleCatalog:
        return cls.from_actions(action for plan in plans for action in plan.actions)

    def add(self, action: Action) -> None:
        """Record the roles of one action's owner cell."""
        for surface in split_owner(action.owner):
            key = role_key(surface)
            if not key:
                continue
            entry = self._entries.setdefault(key, RoleEntry(key, vague=is_vague_role(surface)))
            entry.surfaces[surface] += 1
            if action.id not in entry.action_ids:
                entry.action_ids.append(action.id)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def get(self, key: str) -> RoleEntry | None:
        return self._entries.get(key)

    @property
    def entries(self) -> list[RoleEntry]:
        """All roles, the most used first."""
        return sorted(self._entries.values(), key=lambda e: (-len(e.action_ids), e.key))

    def precise(self) -> list[RoleEntry]:
        """Roles that name a function (not a vague collective), the most used first."""
        return [entry for entry in self.entries if not entry.vague]

    def roles_of(self, owner: str | None) -> list[RoleEntry]:
        """Entries of the roles named in an owner cell (unknown roles are skipped)."""
        found: list[RoleEntry] = []
        for surface in split_owner(owner):
            entry = self._entries.get(role_key(surface))
            if entry is not None and entry not in found:
                found.append(entry)
        return found
