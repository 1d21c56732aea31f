"""The header of a flattened table: which columns its first lines name, and how many lines.

Text extracted from a PDF prints a table's titles on one line (« Action Responsable
Échéance »), one a line (a table saved as text), wrapped over short lines (« Recomman » /
« dation », « Indicateurs de » / « suivi »), in two levels (« Responsabilités » over
« Pilote | Contributeurs ») or followed by the periods of a timeline, one piece a line
(« Q1 / 2025 »). The titles come from the French vocabulary (`vocabulary.header_prefixes`);
nothing else may stand on those lines but a few words around them.
"""

from __future__ import annotations

import re
from functools import cache

from assistant.extract.stream import Line
from assistant.extract.vocabulary import NO_FIELD, Column, column_of, header_prefixes
from assistant.french.dated_titles import undated_title
from assistant.ids import fold

NUMBER_ALONE = re.compile(
    r"^\s*(?:\d{1,3}(?:\.\d{1,2})*[.)]?|\*{1,3}|[A-Z]{1,3}-?\d{1,2}(?:\.\d{1,2})+)\s*$"
)

NUMBER_SIGN = re.compile(r"\S+\s+(?:n\s*°|no\.?|nr\.?)", re.IGNORECASE)

# A date or period standing as a cell of its own inside a line where pdftotext put
# several cells: "Direction 31/12/2025 Scanner installé", "Q1 2027 Nombre de".
WHEN = re.compile(
    r"(?:(?:fin|d[ée]but|mi-?|avant le|avant|rentr[ée]e(?: acad[ée]mique)?|"
    r"janv\w*|f[ée]v\w*|mars|avr\w*|mai|juin|juil\w*|ao[uû]t|sept\w*|oct\w*|nov\w*|d[ée]c\w*|"
    r"\d{1,2}(?:er)?)\.?\s+){0,3}"
    r"(?:(?:19|20)\d{2}(?:\s*[-/]\s*(?:19|20)?\d{2})?|\d{1,2}/\d{1,2}/(?:19|20)\d{2}"
    r"|q[1-4]\s+(?:19|20)\d{2})",
    re.IGNORECASE,
)

_COMPLEMENT = re.compile(r"(\w[\w()]*) (d'|de |du |des )(\w[\w()]*)")
_PERIOD_PIECE = re.compile(
    r"^\s*(?:[QTS][1-4]|(?:19|20)\d{2}(?:\s*[-/]\s*(?:19|20)?\d{2})?|(?:janv|f[ée]v|mars|avr|mai|"
    r"juin|juil|ao[uû]t|sept|oct|nov|d[ée]c)[a-zéû]*\.?(?:\s+(?:19|20)\d{2})?)\s*$",
    re.IGNORECASE,
)
# A line of titles closed by a timeline's periods (« Indicateur 2024 2025 2026 »)
_TRAILING_PERIODS = re.compile(
    r"^(?P<titles>.*?\S)"
    r"(?:\s+(?:[QTS][1-4]\s+)?(?:19|20)\d{2}(?:\s*[-/]\s*(?:19|20)?\d{2})?){2,}\s*$"
)
# A folded qualifying adjective by its ending (« strategique », « operationnel »,
# « initiale »); not a participle (« Faiblesse identifiée » names no column of ours)
_ADJECTIVE = r"[a-z]{3,}(?:ique|iques|el|elle|els|elles|al|ale|aux|ales|if|ive|ifs|ives)"
_MAX_HEADER_LINES = 10  # one title a line (a table saved as text), ten columns
_MAX_PERIOD_LINES = 36  # a timeline header, one piece a line (« Q1 / 2025 »)

#: Lines a header may take: its titles and a timeline's periods, one piece a line.
HEADER_SPAN = _MAX_HEADER_LINES + _MAX_PERIOD_LINES


@cache
def _header_pattern() -> re.Pattern[str]:
    phrases = sorted({p for p, _ in header_prefixes()}, key=len, reverse=True)
    words = "|".join(re.escape(p) for p in phrases)
    # plurals too: « indicateurs », « responsable(s) », « niveaux »
    return re.compile(rf"(?<![a-z0-9])(?:{words})(?:s|x|\(s\))?(?![a-z])")


# Matches of the header pattern are header phrases, a fixed set: their columns are cached.
_phrase_column = cache(column_of)


def flat_header(lines: list[Line]) -> tuple[list[Column], int] | None:
    """Columns named by the first lines (nothing but column titles), and how many lines."""
    if not lines:
        return None
    opening = lines[0].text
    if len(opening.strip()) <= 2 and len(lines) > 1 and lines[1].text.lstrip()[:1] in "°(":
        opening += lines[1].text.strip()  # « N » / « ° »: a title cut by a narrow column
    if not _header_pattern().match(fold(opening).lstrip()):
        return None  # a header opens with a title (« Plan de suivi » is the page's title)
    first, second = column_titles(lines[:1]), column_titles(lines[1:2])
    if (first is None or len(set(first)) < 2) and second and _is_header(second):
        return None  # « Suivi du plan » above the titles is the page's title, not one
    for count in range(1, min(_MAX_HEADER_LINES, len(lines)) + 1):
        named = column_titles(lines[:count])
        if named is None:
            if len(lines[count - 1].text) <= 25:
                continue  # a title wrapped over short lines (« Recommandation / du comité »)
            return None  # prose, or data: not a header of titles alone
        if _is_header(named):
            top, head = named, count
            # titles wrapped onto the next lines (« porteuse(s) », « ? », « ° ») go on
            while (
                count < min(_MAX_HEADER_LINES, len(lines))
                and not _numbered_cell(lines[count : count + 2])
                and _header_goes_on(
                    lines[count - 1].text,
                    lines[count].text,
                    column_titles(lines[count : count + 1]),
                )
            ):
                named = column_titles(lines[: count + 1]) or named
                count += 1
            below = column_titles(lines[head:count]) if count > head else None
            grouped = _under_groups(top, below)
            # the periods of a timeline, one piece a line (« Q1 / 2025 / Q2 / 2025 »), or
            # closing the titles' last line (« Indicateur 2025 2026 »)
            periods = count
            while periods < len(lines) and _PERIOD_PIECE.match(lines[periods].text):
                periods += 1
            if periods - count >= 2 or _TRAILING_PERIODS.match(lines[count - 1].text):
                if named[-1] is Column.DEADLINE:  # « Calendrier » titles the periods
                    named = named[:-1]
                named, count = [*named, Column.TIMELINE], periods
            if grouped is not None:
                return grouped, count  # each title below is a column of its own
            return _dedupe(named), count
    return None


def _under_groups(top: list[Column], below: list[Column] | None) -> list[Column] | None:
    """The columns of a two-level header flattened: group titles on the first line
    (« Responsabilités », « Calendrier »), the titles under them on the next (« Pilote »,
    « Contributeurs », « Lancement », « Échéance »). The lower titles name what the groups
    hold; a group is known by its role coming again below. The first line's titles outside
    the groups (« Réf. », « Action ») keep their place before or after them. None when the
    lines below repeat no role of the first: more titles of one header, wrapped."""
    if not below or len([c for c in below if c not in NO_FIELD]) < 2:
        return None
    grouped = [i for i, c in enumerate(top) if c in below and c not in NO_FIELD]
    if not grouped or Column.ACTION in below:
        return None
    return [*top[: grouped[0]], *below, *top[grouped[-1] + 1 :]]


def _is_header(named: list[Column]) -> bool:
    """Titles enough for a plan table's header: three columns or more, the action's among,
    or the action's beside the recommendations it answers (« Recommandation | Action »)."""
    roles = {c for c in named if c not in NO_FIELD}
    if Column.ACTION not in roles:
        return False
    return len(roles) >= 3 or bool(roles & {Column.REFERENCE, Column.CRITERION})


def _header_goes_on(previous: str, text: str, titles: list[Column] | None) -> bool:
    """Whether a line under the titles still belongs to them: more titles, a mark
    (« ? », « ° »), a title's wrapped words in lower case (« prévue », « réalisation au »),
    or the complement a title waits for (« Situation au » / « 31/12/2025 »)."""
    text = text.strip()
    closed = _TRAILING_PERIODS.match(text)
    if closed and titles_in(closed["titles"]):
        return True  # the last titles, then the periods of a timeline
    if any(c.isdigit() for c in text):
        # « Critère 2, » is a first cell, not the title « Critère »; « 1 » a row's number;
        # « État au 30/06/2025 » a title dated
        if titles and (undated := undated_title(text)) != text:
            return not any(c.isdigit() for c in undated)
        return bool(_header_waits(previous) and WHEN.fullmatch(text))
    if titles or len(text) <= 2:
        return True
    return len(text) <= 25 and text[0].islower()


def _numbered_cell(lines: list[Line]) -> bool:
    """A first cell waiting for its number on the next line (« Recommandation n° » / « 1 »),
    not a title: a title « N° » stands alone."""
    if len(lines) < 2:
        return False
    words = lines[0].text.split()
    return (
        len(words) >= 2
        and NUMBER_SIGN.fullmatch(" ".join(words[-2:])) is not None
        and NUMBER_ALONE.match(lines[1].text) is not None
    )


def _header_waits(previous: str) -> bool:
    """A title waiting for its complement (« Situation au »)."""
    return previous.rstrip().split()[-1:] in (["au"], ["le"], ["du"], ["en"])


def column_titles(lines: list[Line]) -> list[Column] | None:
    """The columns the lines name when they hold nothing but column titles, else None."""
    return titles_in(_joined(lines))


def titles_in(text: str) -> list[Column] | None:
    """The columns a text names when it holds nothing but column titles, else None."""
    key = re.sub(r"\bn\s+°", "n°", fold(text))
    # « Calendrier de réalisation », « Indicateurs de suivi »: a complement is the same title
    key = _COMPLEMENT.sub(_one_title, key)
    # « Axe stratégique », « Objectif opérationnel », « Échéance initiale »: an adjective
    # after a title qualifies it
    key = _qualified().sub(lambda m: m.group(1) + " " * len(m.group(2)), key)
    leftover = re.sub(r"[\W\d_]+", "", _header_pattern().sub(" ", key))
    letters = re.sub(r"[\W\d_]+", "", key)
    # a few words around the titles (« AEQES », « du comité »), not a sentence
    if len(leftover) > max(8, 0.3 * len(letters)):
        return None
    return [c for m in _header_pattern().finditer(key) if (c := _phrase_column(m.group(0)))]


@cache
def _qualified() -> re.Pattern[str]:
    # (a word that is a title itself is the next column's, « Réf. Objectif Action »)
    titles = _header_pattern().pattern
    return re.compile(rf"({titles})(\s+(?!(?:{titles})(?![a-z])){_ADJECTIVE})(?![a-z])")


def _joined(lines: list[Line]) -> str:
    """The lines' text, a word cut by a narrow column joined back when it makes a title
    (« Recomman » / « dation »: LibreOffice cuts a long word without a hyphen)."""
    text = lines[0].text if lines else ""
    for line in lines[1:]:
        before, after = text.rsplit(" ", 1)[-1], line.text.split(" ", 1)[0]
        glued = fold(before + after)
        if (
            after[:1].islower()
            and _header_pattern().fullmatch(glued) is not None
            and _header_pattern().fullmatch(fold(before)) is None
        ):
            text += line.text
        else:
            text += " " + line.text
    return text


def _one_title(match: re.Match[str]) -> str:
    """« calendrier de realisation »: a title and its complement, when both words are titles,
    are one title; the complement is blanked so that it is not read as another column."""
    first, link, second = match.groups()
    if column_of(first) is not None and column_of(second) is not None:
        return f"{first} {link}{'·' * len(second)}"
    return match.group(0)


def _dedupe(columns: list[Column]) -> list[Column]:
    out: list[Column] = []
    for column in columns:
        if not out or out[-1] is not column:
            out.append(column)
    return out
