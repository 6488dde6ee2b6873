"""Worker processes that die with the process that forked them.

``analyze_batch`` forks its workers. When its caller (an ingest, an analyze run) is
killed with SIGKILL, which it cannot catch, the workers would stay behind, blocked on their queue, each holding a
spaCy model in memory. On Linux, a process can ask to be sent a signal when its parent
dies (``prctl(PR_SET_PDEATHSIG)``): every child forked while the guard is on asks for
SIGKILL.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from contextlib import contextmanager

PR_SET_PDEATHSIG = 1

_active = False
_registered = False
_parent: int | None = None


def _in_child() -> None:
    if not _active:
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # no prctl: nothing to ask for
        return
    if os.getppid() != _parent:  # the parent died before the request was made
        os._exit(1)


@contextmanager
def children_die_with_parent():
    """While active, processes forked by this one are killed when it dies."""
    global _active, _registered, _parent
    if not sys.platform.startswith("linux"):
        yield
        return
    if not _registered:
        os.register_at_fork(after_in_child=_in_child)
        _registered = True
    _active, _parent = True, os.getpid()
    try:
        yield
    finally:
        _active = False
