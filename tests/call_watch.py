"""Watch the calls of the code under test without replacing it (no monkeypatching).

The growth tests of issue 15 count how often a stage runs, or how much it is given, as the
input grows. `watch_calls` reports every call of the watched functions while a block runs,
through the interpreter's profiling hook (`sys.setprofile`): the code under test runs as
it is, only slower. `on_call` receives the new frame: its `f_locals` are the call's
arguments and `f_back` its caller (to count only the calls made from one module).
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any


@contextmanager
def watch_calls(
    on_call: Callable[[FrameType], None], *functions: Callable[..., Any]
) -> Iterator[None]:
    """Call `on_call(frame)` at each call of `functions` (in this thread) inside the block."""
    codes = {inspect.unwrap(function).__code__ for function in functions}

    def profile(frame: FrameType, event: str, arg: object) -> None:
        if event == "call" and frame.f_code in codes:
            on_call(frame)

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        yield
    finally:
        sys.setprofile(previous)


def called_from(frame: FrameType, *modules: str) -> bool:
    """Whether the call of `frame` was made from one of `modules` (by module name)."""
    caller = frame.f_back
    return caller is not None and caller.f_globals.get("__name__") in modules
