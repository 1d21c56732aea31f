"""`pdf_limits.ascii85` decodes exactly as pdfminer's ``ascii85decode``: on random bytes
encoded with and without Adobe's delimiters, wrapped or not, with zero groups (« z »,
left to pdfminer), truncated, and on bad data (the same error)."""

from __future__ import annotations

import base64
import random

import pytest
from pdfminer.ascii85 import ascii85decode

from assistant.readers.pdf_limits import ascii85


def _either(decode: object, data: bytes) -> bytes | type[Exception]:
    try:
        return decode(data)  # type: ignore[operator, no-any-return]
    except Exception as error:  # the same failure, whatever its class
        return type(error)


def test_random_streams_decode_as_pdfminer_decodes_them() -> None:
    rng = random.Random(85)
    for _ in range(2_000):
        raw = bytes(rng.randrange(256) for _ in range(rng.randrange(60)))
        if rng.random() < 0.2:
            raw += bytes(4)  # a zero group, written « z »
        encoded = base64.a85encode(raw, wrapcol=rng.choice([0, 7, 75]), adobe=rng.random() < 0.5)
        if rng.random() < 0.2:
            encoded = b"  " + encoded + b"\n"
        if rng.random() < 0.1:
            encoded = encoded[:-1]
        assert _either(ascii85, encoded) == _either(ascii85decode, encoded)


@pytest.mark.parametrize("data", [b"abc{", b"uuuuu", b"s8W-!", b"zz", b"!!z!!", b""])
def test_odd_data_decodes_or_fails_as_pdfminer(data: bytes) -> None:
    assert _either(ascii85, data) == _either(ascii85decode, data)
