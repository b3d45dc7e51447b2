"""Runs one ClassEval sample the way FudanSELab/ClassEval's classeval_evaluation/test_pipeline.py
does, in this (fresh) process started by the caller in a fresh temporary directory: the program
(import_statement + "\\n" + code, then "\\n" + test) is written as a module and imported; each test
class is loaded with unittest's TestLoader and run by TextTestRunner under a 5 s limit (its
func_set_timeout); a class that raises (missing, timed out) counts as 0 tests run. A test class
succeeds when it ran tests with no error or failure (get_test_answer); the sample solves the class
when every test class succeeds. No reliability guard: upstream runs none.

    python3 classeval_native.py < {"program": ..., "test_classes": [...]}
Prints one JSON line: {"solved": bool, "classes": [[name, answer], ...]}.
"""

import importlib
import io
import json
import signal
import sys
import unittest


class TimedOut(Exception):
    pass


def answer(errors, failures, tests_run):
    if tests_run == 0 or errors == tests_run:
        return "error"
    if errors + failures == 0:
        return "success"
    if errors + failures < tests_run:
        return "partial_success"
    return "fail"


def main():
    job = json.load(sys.stdin)
    with open("sample_module.py", "w", encoding="utf-8") as f:
        f.write(job["program"])
    sys.path.insert(0, ".")
    out = []

    def alarm(signum, frame):
        raise TimedOut()

    signal.signal(signal.SIGALRM, alarm)
    stdout = sys.stdout
    for name in job["test_classes"]:
        errors = failures = tests_run = 0
        sys.stdout = io.StringIO()
        try:
            signal.setitimer(signal.ITIMER_REAL, 5)
            module = importlib.import_module("sample_module")
            suite = unittest.TestLoader().loadTestsFromTestCase(getattr(module, name))
            result = unittest.TextTestRunner(stream=io.StringIO()).run(suite)
            errors, failures, tests_run = len(result.errors), len(result.failures), result.testsRun
        except BaseException:
            pass
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            sys.stdout = stdout
        out.append([name, answer(errors, failures, tests_run)])
    print(json.dumps({"solved": all(a == "success" for _, a in out), "classes": out}))


main()
