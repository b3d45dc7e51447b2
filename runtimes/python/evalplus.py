# EvalPlus's way of testing (HumanEval+, MBPP+), as evalplus/eval/__init__.py's unsafe_execute does
# it: the program is run once, then its entry point is called on each input in turn and each output
# compared with the reference's by EvalPlus's rule. The worker (engine.ts) drives the loop and makes
# each call through the C API, so the only frames of this file a sample can ever see are check()'s,
# and this namespace holds nothing but the rule: no verdict, no list of expected outputs.
#
# Everything here runs into a namespace of its own before the memory image is taken.
import builtins
import copy
import json
import math
import pickle

# Its own builtins, so a sample that replaces builtins.len does not change how it is judged.
__builtins__ = dict(builtins.__dict__)

# evalplus/eval/_special_oracle.py
MBPP_OUTPUT_NOT_NONE_TASKS = ("check_str", "text_match_three", "text_starta_endb")
MBPP_OUTPUT_SET_EQ_TASKS = (
    "similar_elements",
    "find_char_long",
    "common_in_nested_lists",
    "extract_singly",
    "larg_nnum",
    "intersection_array",
    "find_dissimilar",
    "Diff",
)


def _surface_Area(base_edge, height):  # Mbpp/581
    slant_height = math.sqrt((base_edge / 2) ** 2 + height**2)
    return round(base_edge**2 + 4 * (base_edge * slant_height) / 2)


def _digit_distance_nums(num1, num2):  # Mbpp/558
    a, b = str(num1), str(num2)
    n = max(len(a), len(b))
    return sum(abs(int(x) - int(y)) for x, y in zip(a.zfill(n), b.zfill(n)))


def _poly(xs, x):  # HumanEval/32 (find_zero): the root is checked, not compared
    return sum([coeff * math.pow(x, i) for i, coeff in enumerate(xs)])


# evalplus/data/mbpp.py mbpp_deserialize_inputs: MBPP+ stores inputs as JSON, so tuples, sets and
# complex numbers are restored per task.
_TUPLES = {2, 116, 132, 143, 222, 261, 273, 394, 399, 421, 424, 429, 470, 560, 579, 596, 616, 630, 726, 740, 744, 809}
_NESTED_TUPLES = {63, 64, 70, 94, 120, 237, 272, 299, 400, 409, 417, 438, 473, 614, 780}
_FIRST_TUPLES = {75, 413, 444, 753}
_FIRST_TUPLE = {250, 405, 446, 617, 720, 763, 808}
_ALL_TUPLES = {580, 615, 791}


def _all_tuples(x):
    return tuple(_all_tuples(i) for i in x) if isinstance(x, list) else x


def _mbpp_inputs(task, inputs):
    if task in _TUPLES:
        return [[tuple(lst) for lst in inp] for inp in inputs]
    if task in _NESTED_TUPLES:
        return [[[tuple(lst) for lst in lst_lst] for lst_lst in inp] for inp in inputs]
    if task in _FIRST_TUPLES:
        return [[[tuple(lst) for lst in inp[0]]] + [inp[1]] for inp in inputs]
    if task in (106, 750):
        return [[inp[0]] + [tuple(inp[1])] for inp in inputs]
    if task == 115:
        return [[[set(item) if isinstance(item, list) and len(item) else {} for item in inp[0]]] for inp in inputs]
    if task == 124:
        return [(float(inp[0]), complex(inp[1])) for inp in inputs]
    if task in _FIRST_TUPLE:
        return [[tuple(inp[0])] + [inp[1]] for inp in inputs]
    if task in (259, 401, 445):
        inputs = [[[tuple(lst) for lst in lst_lst] for lst_lst in inp] for inp in inputs]
        return [[tuple(lst) for lst in inp] for inp in inputs]
    if task == 278:
        inputs = [[[tuple(i) if isinstance(i, list) else i for i in inp[0]]] for inp in inputs]
        return [[tuple(lst) for lst in inp] for inp in inputs]
    if task == 307:
        return [[tuple(inp[0])] + [inp[1], inp[2]] for inp in inputs]
    if task == 722:
        return [[{k: tuple(v) for k, v in inp[0].items()}] + inp[1:] for inp in inputs]
    if task == 252:
        return [[complex(inp[0])] for inp in inputs]
    if task in _ALL_TUPLES:
        return [_all_tuples(inp) for inp in inputs]
    return inputs


def inputs(text, dataset, task):
    """The inputs as argument tuples (the worker calls fn(*args) with each), parsed from the
    dataset's JSON before any of the sample's code runs."""
    parsed = json.loads(text)
    if dataset == "mbpp":
        parsed = _mbpp_inputs(task, parsed)
    return [tuple(inp) for inp in parsed]


def expected(holder):
    """The reference's outputs, from the bytes the worker put in `holder`."""
    return pickle.loads(holder.pop())


def _kept(outputs, entry_point, dataset):
    # evalplus's get_groundtruth: for the "output is not None" tasks only that is kept.
    if dataset == "mbpp" and entry_point in MBPP_OUTPUT_NOT_NONE_TASKS:
        return [o is not None for o in outputs]
    return outputs


def dump(outputs, entry_point, dataset, limit):
    """The reference's outputs, pickled for the samples; None past `limit` bytes."""
    data = pickle.dumps(_kept(outputs, entry_point, dataset), protocol=5)
    return data if len(data) <= limit else None


def reference_outputs(program, entry_point, dataset, args):
    """The reference's outputs computed in the sample's own sandbox, before the sample runs:
    evalplus's trusted_exec (each input deep-copied, as there)."""
    g = {"__builtins__": builtins.__dict__}
    exec(compile(program, "<reference>", "exec"), g)
    fn = g[entry_point]
    return _kept([fn(*copy.deepcopy(a)) for a in args], entry_point, dataset)


def _is_floats(x):
    if isinstance(x, float):
        return True
    if isinstance(x, (list, tuple)) and x:
        return all(isinstance(i, float) for i in x)
    return False


def _ndim(x):
    n = 0
    while isinstance(x, (list, tuple)):
        if not x:
            return n + 1
        x = x[0]
        n += 1
    return n


def _isclose(a, b, rtol, atol):
    # numpy.isclose on numbers: bools and ints as floats, infinities equal only to themselves.
    if type(a) is str or type(b) is str or a is None or b is None:
        raise TypeError("not numbers")
    a, b = complex(a), complex(b)
    if not (math.isfinite(a.real) and math.isfinite(a.imag) and math.isfinite(b.real) and math.isfinite(b.imag)):
        return a == b
    return abs(a - b) <= atol + rtol * abs(b)


def _allclose(a, b, rtol, atol):
    """numpy.allclose(a, b, rtol, atol) on numbers and nested lists/tuples, broadcasting as numpy
    does (the lower-dimensional side against each element of the other; a length 1 against all)."""
    da, db = _ndim(a), _ndim(b)
    if da == 0 and db == 0:
        return _isclose(a, b, rtol, atol)
    if da < db:
        return all(_allclose(a, y, rtol, atol) for y in b)
    if db < da:
        return all(_allclose(x, b, rtol, atol) for x in a)
    if len(a) == len(b):
        return all(_allclose(x, y, rtol, atol) for x, y in zip(a, b))
    if len(a) == 1:
        return all(_allclose(a[0], y, rtol, atol) for y in b)
    if len(b) == 1:
        return all(_allclose(x, b[0], rtol, atol) for x in a)
    raise ValueError("shapes do not broadcast")


_failed = []


def check(dataset, entry_point, holder, atol):
    """EvalPlus's comparison of one output; the worker put (args, output, expected) in `holder`.
    Returns 1 when it passes, plus 2 when atol became 1e-6 — EvalPlus's loop keeps that for the
    rest of the inputs once an expected output is a float, and so does the worker. Any exception
    (the sample's __eq__ too) means the input failed. A failed output and its expected one are
    kept for failed_sides()."""
    exp = holder.pop()
    out = holder.pop()
    args = holder.pop()
    _failed.clear()
    _failed.extend((out, exp))
    code = _check(dataset, entry_point, args, out, exp, atol)
    if code & 1:
        _failed.clear()
    return code


def failed_sides():
    """The last failed input's output and expected output as (repr, type name) pairs, cut to 300
    characters, for the failure taxonomy and the drill-down; None when there is none or they cannot
    be printed. Runs after the verdict (a sample's __repr__ may run here, under its deadline)."""
    if len(_failed) != 2:
        return None
    out, exp = _failed
    _failed.clear()
    try:
        shown = [repr(out), type(out).__name__, repr(exp), type(exp).__name__]
    except BaseException:  # noqa: B902 - a sample's __repr__ can raise anything
        return None
    return tuple(t if len(t) <= 300 else t[:300] + "…" for t in shown)


def _check(dataset, entry_point, args, out, exp, atol):
    changed = 0
    exact_match = out == exp
    if dataset == "mbpp":
        if entry_point == "are_equivalent":  # Mbpp/164
            exact_match = True
        elif entry_point == "sum_div":  # Mbpp/295
            exact_match = exact_match or out == 0
        elif entry_point == "surface_Area":  # Mbpp/581
            exact_match = exact_match or abs(out - _surface_Area(*args)) <= atol
        elif entry_point == "digit_distance_nums":  # Mbpp/558
            exact_match = exact_match or out == _digit_distance_nums(*args)
        elif entry_point in MBPP_OUTPUT_SET_EQ_TASKS:
            exact_match = set(out) == set(exp)
        elif entry_point in MBPP_OUTPUT_NOT_NONE_TASKS:
            exact_match = out == exp if isinstance(out, bool) else exp == (out is not None)
    if dataset == "humaneval" and entry_point == "find_zero":
        return 1 if abs(_poly(*args, out)) <= atol else 0
    if atol == 0 and _is_floats(exp):
        atol, changed = 1e-6, 2
    if not exact_match and atol != 0:
        if type(out) != type(exp):
            return changed
        if isinstance(exp, (list, tuple)) and len(out) != len(exp):
            return changed
        return changed | (1 if _allclose(out, exp, 1e-07, atol) else 0)
    return changed | (1 if exact_match else 0)
