"""What CPython 3.11 (the fidelity fixtures' reference Python) says of source that Python 3.14, the
Pyodide in the sandbox, compiles: f-strings as 3.11 lexed them (PEP 701 changed them in 3.12) and
the syntax added since (type statements and parameters, except without parentheses, t-strings),
beside look-alikes 3.11 accepts. Writes test/fixtures/fidelity/syntax311.jsonl:
{"source": ..., "native": "ok" | "SyntaxError: <message>"}.

    python3.11 scripts/fidelity/syntax311_native.py
"""

import json
import sys

CASES = [
    # the string's own quote inside an expression part
    'x = f"{d["k"]}"',
    "x = f'{d['k']}'",
    "x = f\"{d['k']}\"",
    "x = f'{d[\"k\"]}'",
    'x = f"""{d["k"]}"""',
    "x = f'''{d['k']}'''",
    'x = f"{"a"}"',
    "x = f'{a[\"b\"]!r}'",
    'x = f"{a}" if b else f"{c["d"]}"',
    'x = f"{\'\'.join(a)}"',
    # nested f-strings
    'x = f"{f"{a}"}"',
    "x = f\"{f'{a}'}\"",
    "x = f\"{f'{f\"{a}\"}'}\"",
    # backslashes and comments in an expression part; newlines in a single-quoted one
    "x = f'{\"\\n\".join(a)}'",
    "x = f'{a}\\n'",
    'x = f"{a:\\n}"',
    'x = f"{a # c\n}"',
    "x = f'''{a # c\n}'''",
    'x = f"{a +\n b}"',
    'x = f"""{a +\n b}"""',
    'x = f"{\n a\n}"',
    'x = f"""{\n a["b"]\n}"""',
    # ordinary f-strings
    'x = f"{a!r:>{w}}"',
    'x = rf"{a}\\d"',
    'x = F"{a}"',
    "x = fr'{a}'",
    'x = f"{x=}"',
    'x = f"{x = }"',
    'x = f"{{literal}}"',
    'x = f"{a:{b}}"',
    'x = f"{a}" f"{b}"',
    'x = f"{(lambda: 1)()}"',
    "x = f'{a:%Y-%m-%d}'",
    "s = 'if'\nx = f'{s}'",
    'print(f"{x:.2f}")',
    'x = f"{x!s:{y}.{z}}"',
    "x = \"f'{a}'\"",
    # syntax newer than 3.11
    "type X = int",
    "def f[T](x: T): pass",
    "class A[T]: pass",
    "try:\n pass\nexcept ValueError, TypeError:\n pass",
    "try:\n pass\nexcept (ValueError, TypeError):\n pass",
    'x = t"{a}"',
    "type = 3\nprint(type)",
    "def f(x): return x[0]",
]


def main():
    assert sys.version_info[:2] == (3, 11), "run with Python 3.11, the fixtures' reference"
    with open("test/fixtures/fidelity/syntax311.jsonl", "w") as out:
        for source in CASES:
            try:
                compile(source, "<sample>", "exec")
                native = "ok"
            except SyntaxError as e:
                native = "SyntaxError: " + e.msg
            out.write(json.dumps({"source": source, "native": native}) + "\n")


if __name__ == "__main__":
    main()
