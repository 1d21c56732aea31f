"""The visual lines of a set of PDF characters: pdfplumber's text lines, computed directly.

``pdfplumber.utils.chars_to_textmap(chars).extract_text_lines(strip=True)`` (what
``Page.extract_text_lines()`` gives) groups characters into lines by their top (within
3 pt), cuts lines into words (at a space, at a gap over 3 pt, where the text goes back),
groups the words into lines again, writes the lines into a string of (letter, character)
pairs and finds them back with a regular expression. The reader asks it for every page and
for every table cell — 1,645 cells in a 30-page plan — and building those pairs, dictionaries
and matches cost more than reading the characters from the PDF. `text_lines` gives the same
lines (text, box, characters) from the same steps without the intermediate string; text in
any other direction than left to right, or a character whose text mixes letters and
spaces, goes to pdfplumber's own code.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pdfplumber.utils.text import LIGATURES, chars_to_textmap

Char = dict[str, Any]
Line = dict[str, Any]

#: pdfplumber's default tolerances (`DEFAULT_X_TOLERANCE`, `DEFAULT_Y_TOLERANCE`).
_X_TOLERANCE = 3.0
_Y_TOLERANCE = 3.0


def _chain_clusters(values: Sequence[float], tolerance: float) -> list[int]:
    """The cluster of each value: sorted values closer than `tolerance` to the previous one
    join its cluster (pdfplumber's ``cluster_list``, clusters numbered from the smallest)."""
    order = sorted(range(len(values)), key=values.__getitem__)
    clusters = [0] * len(values)
    cluster = 0
    last: float | None = None
    for index in order:
        value = values[index]
        if last is not None and value > last + tolerance:
            cluster += 1
        clusters[index] = cluster
        last = value
    return clusters


def _plain(chars: Sequence[Char]) -> bool:
    """Left-to-right characters whose text is a space or holds none (the direct path)."""
    for char in chars:
        if not char["upright"]:
            return False
        text = char["text"]
        if len(text) > 1 and not text.isspace() and any(letter.isspace() for letter in text):
            return False
    return True


def _words(line: list[Char]) -> list[list[Char]]:
    """pdfplumber's ``WordExtractor.iter_chars_to_words`` on one line's characters."""
    words: list[list[Char]] = []
    word: list[Char] = []
    for char in line:
        text = char["text"]
        if text.isspace():
            if word:
                words.append(word)
            word = []
        elif text == "":  # pdfplumber splits at "punctuation", and "" is in any string
            if word:
                words.append(word)
            words.append([char])
            word = []
        elif word:
            previous = word[-1]
            if (
                char["x0"] < previous["x0"]
                or char["x0"] > previous["x1"] + _X_TOLERANCE
                or abs(char["top"] - previous["top"]) > _Y_TOLERANCE
            ):
                words.append(word)
                word = [char]
            else:
                word.append(char)
        else:
            word = [char]
    if word:
        words.append(word)
    return words


def _line(words: list[list[Char]], return_chars: bool) -> Line | None:
    """One visual line from its words, as pdfplumber's text map gives it back (stripped)."""
    letters: list[tuple[str, Char | None]] = []
    for chars in words:
        if letters:  # one space between words once a letter is written
            letters.append((" ", None))
        for char in chars:
            for letter in LIGATURES.get(char["text"]) or char["text"]:
                letters.append((letter, char))
    start, end = 0, len(letters)
    while start < end and letters[start][0] == " ":
        start += 1
    while end > start and letters[end - 1][0] == " ":
        end -= 1
    text = "".join(letter for letter, _ in letters[start:end])
    if not text.strip():
        return None
    kept = [char for _, char in letters[start:end] if char is not None]
    x0, top = kept[0]["x0"], kept[0]["top"]
    x1, bottom = kept[0]["x1"], kept[0]["bottom"]
    for char in kept:
        x0, top = min(x0, char["x0"]), min(top, char["top"])
        x1, bottom = max(x1, char["x1"]), max(bottom, char["bottom"])
    line: Line = {"text": text, "x0": x0, "top": top, "x1": x1, "bottom": bottom}
    if return_chars:
        line["chars"] = kept
    return line


def text_lines(chars: Sequence[Char], return_chars: bool = True) -> list[Line]:
    """``chars_to_textmap(chars).extract_text_lines(strip=True, return_chars=...)``.

    `chars` in drawing order, as pdfplumber takes them (``presorted``).
    """
    if not chars:
        return []
    if not _plain(chars):
        textmap = chars_to_textmap(list(chars))
        return list(textmap.extract_text_lines(strip=True, return_chars=return_chars))
    # Lines of characters: clustered by top, in cluster order, each sorted left to right.
    clusters = _chain_clusters([char["top"] for char in chars], _Y_TOLERANCE)
    buckets: list[list[Char]] = [[] for _ in range(max(clusters) + 1)]
    for char, cluster in zip(chars, clusters, strict=True):
        buckets[cluster].append(char)
    words: list[list[Char]] = []
    for bucket in buckets:
        if bucket:
            bucket.sort(key=lambda char: char["x0"])
            words.extend(_words(bucket))
    if not words:
        return []
    # The words grouped into lines again, by their top, consecutive words of one cluster.
    tops = [min(char["top"] for char in word) for word in words]
    word_clusters = _chain_clusters(tops, _Y_TOLERANCE)
    lines: list[Line] = []
    current: list[list[Char]] = [words[0]]
    for word, cluster, previous in zip(words[1:], word_clusters[1:], word_clusters, strict=False):
        if cluster == previous:
            current.append(word)
            continue
        line = _line(current, return_chars)
        if line is not None:
            lines.append(line)
        current = [word]
    line = _line(current, return_chars)
    if line is not None:
        lines.append(line)
    return lines
