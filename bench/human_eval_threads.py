"""The baseline `npm run bench` sets against Benchtop on real model outputs: openai/human-eval's
evaluate_functional_correctness loop as its README runs it — a ThreadPoolExecutor of 4 threads, each
sample checked by check_correctness in a forked multiprocessing.Process with the reliability guard
and a 3 s alarm, killed at timeout + 1 s. The per-program semantics are human_eval_native.py's (the
fidelity fixtures' runner); this file only reproduces how human-eval schedules and forks.

    python3 bench/human_eval_threads.py programs.jsonl   # {"program": "..."} per line
Prints {"seconds": s, "results": [human-eval's result string per program, in order]}.
"""

import contextlib
import json
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "scripts", "fidelity"))
import human_eval_native as he  # noqa: E402


def unsafe_execute(program, timeout, result):
    with tempfile.TemporaryDirectory() as d:
        # As human-eval: keep what the guard removes, for the directory's cleanup afterwards.
        rmtree, rmdir, chdir = shutil.rmtree, os.rmdir, os.chdir
        os.chdir(d)
        try:
            he.guard()
            stream = he.WriteOnlyStringIO()
            with contextlib.redirect_stdout(stream), contextlib.redirect_stderr(stream), he.redirect_stdin(stream):
                with he.time_limit(timeout):
                    exec(program, {})
            result.append("passed")
        except he.TimeoutException:
            result.append("timed out")
        except BaseException as e:
            result.append(f"failed: {e}")
        shutil.rmtree, os.rmdir, os.chdir = rmtree, rmdir, chdir
        os.chdir("/")


def check_correctness(program, timeout=3.0):
    manager = multiprocessing.Manager()
    result = manager.list()
    p = multiprocessing.Process(target=unsafe_execute, args=(program, timeout, result))
    p.start()
    p.join(timeout=timeout + 1)
    if p.is_alive():
        p.kill()
    return result[0] if result else "timed out"


def main():
    programs = [json.loads(line)["program"] for line in open(sys.argv[1]) if line.strip()]
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=4) as ex:
        futures = [ex.submit(check_correctness, p) for p in programs]
        for _ in as_completed(futures):
            pass
    seconds = time.perf_counter() - start
    results = [f.result() for f in futures]
    print(json.dumps({"seconds": seconds, "results": results}))


if __name__ == "__main__":
    main()
