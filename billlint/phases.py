"""Opt-in CPU time per phase, for the phase table of bench/run.py (bench/phases.py reads it).

Set BILLLINT_PHASES=FILE and every process that checks files appends one JSON line to FILE when it exits:
{"pid", "files", "seconds": {phase: CPU seconds}, "askers": {engine phase: [rule families that asked]}}.
Phases: the loader's stages ("read", "parse", "validate", "model"), each rule ("rule BL201"), each shared
engine a rule computes through Document.memo ("engine refs"), the text runs ("text runs"), positioning
("positions") and suppression ("filter"). A phase's seconds are its own: time spent in a phase entered
inside it (an engine a rule asked for, the text runs an engine read) counts to the inner phase, so the
rows add up to the process's CPU time. What runs outside every phase (start-up, discovery, output) is "other".

Off (the default) nothing is timed: callers test ON before anything else, and timed() does nothing.
"""

from __future__ import annotations

import os
import time

FILE = os.environ.get("BILLLINT_PHASES", "")
ON = bool(FILE)

_clock = time.process_time
_spent: dict[str, float] = {}
_askers: dict[str, set] = {}
_stack = ["other"]
_mark = 0.0        # the CPU clock at the last switch of phase (0: the process's start)
_state = {"files": 0, "written": False}


def enter(name: str) -> None:
    global _mark
    now = _clock()
    _spent[_stack[-1]] = _spent.get(_stack[-1], 0.0) + now - _mark
    _mark = now
    if name.startswith("engine "):
        rule = next((s for s in reversed(_stack) if s.startswith("rule ")), None)
        _askers.setdefault(name, set()).add(rule[5:8] if rule else "")
    _stack.append(name)


def leave() -> None:
    global _mark
    now = _clock()
    name = _stack.pop()
    _spent[name] = _spent.get(name, 0.0) + now - _mark
    _mark = now


def call(name: str, fn, *args):
    """fn(*args) timed as phase `name` (only called when ON)."""
    enter(name)
    try:
        return fn(*args)
    finally:
        leave()


class timed:
    """`with timed("parse"):` times the block as a phase when ON, and does nothing otherwise."""
    __slots__ = ("name",)

    def __init__(self, name: str):
        self.name = name

    def __enter__(self):
        if ON:
            enter(self.name)

    def __exit__(self, *exc):
        if ON:
            leave()


def file_done() -> None:
    _state["files"] += 1


def write() -> None:
    if _state["written"]:
        return
    _state["written"] = True
    import json
    enter("other")   # closes the open phase's account
    line = {"pid": os.getpid(), "files": _state["files"], "seconds": dict(sorted(_spent.items())),
            "askers": {k: sorted(v) for k, v in sorted(_askers.items())}}
    with open(FILE, "a", encoding="utf-8") as f:
        f.write(json.dumps(line) + "\n")


def worker() -> None:
    """A pool worker (workers.py's initializer) keeps its own account: what a forked parent spent is the
    parent's, and a worker leaves by os._exit(), so atexit does not run there: multiprocessing's finalizers do."""
    global _mark
    _spent.clear()
    _askers.clear()
    del _stack[1:]
    _mark = _clock()
    _state.update(files=0, written=False)
    from multiprocessing import util
    util.Finalize(None, write, exitpriority=10)


if ON:
    import atexit
    atexit.register(write)
