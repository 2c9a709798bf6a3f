#!/usr/bin/env python3
"""Lists every function in generator/ longer than a limit (80 lines unless --max says otherwise).

Usage: python3 scripts/long_functions.py [--max N] [--all] [FILE_OR_FOLDER ...]

Prints `path:line: name: N lines`, longest first, and exits 1 when it printed any (0 when
none), so it can stand in a check. A function named in LONG_ON_PURPOSE below is left out of
that list and printed after it with the reason it stays long. A function's length counts
its lines from the first line of its declaration (template line included) to its closing
brace, comments and blank lines included: what a reader has to hold in one sitting.

A heuristic, not a C++ parser. It expects code as clang-format leaves it (scripts/format.sh):
it blanks out comments, string and character literals (raw strings included), then matches
braces, and takes a `{` opened at namespace or class scope as a function body when the text
before it (since the last `;`, `{` or `}` at that scope) ends in a parameter list `)` with
only qualifiers after it (`const`, `noexcept`, `override`, `-> Type`, a constructor's
initializer list) and does not start with `namespace`, `class`, `struct`, `union`, `enum`
or hold an `=` outside parentheses (a variable's initializer). Everything inside a body,
lambdas and local classes included, counts toward the function that holds it. Macros that
open braces, or `#if` branches that each open one, would confuse it; generator/ has none.
--all lists every function with its length (exit status 0).

Checked against Universal Ctags' `end:` field on generator/ when it was written: the same
functions over 80 lines, with the same lengths.
"""

import argparse
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Functions that stay over the limit, each with the reason; keyed by path and name.
LONG_ON_PURPOSE = {
    ("generator/reports/export_schema.cpp", "export_schema_text"):
        "one raw string literal, the export's JSON Schema: a document, not steps",
}

CONTROL = re.compile(r"^\s*(if|for|while|switch|catch|do|else|try)\b")
TYPE_HEAD = re.compile(r'^\s*(template\s*<.*>\s*)?((namespace|class|struct|union|enum)\b|extern\s+"\s*")', re.S)
QUALIFIERS = re.compile(r"\)\s*(const|noexcept|override|final|mutable|&&|&|\s|->\s*[\w:<>,\s*&]+)*$", re.S)
CTOR_INIT = re.compile(r"\)\s*(noexcept\s*)?:\s*[\w:]+\s*[({]", re.S)


def blank_literals(text):
    """The text with comments, literals and preprocessor lines blanked, newlines kept (so lines still count)."""
    out = []
    i, n = 0, len(text)

    def blank(s):
        return "".join("\n" if c == "\n" else " " for c in s)

    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(blank(text[i:j]))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(blank(text[i:j]))
            i = j
        elif c == "R" and i + 1 < n and text[i + 1] == '"' and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            if not m:
                out.append(c)
                i += 1
                continue
            end = ")" + m.group(1) + '"'
            j = text.find(end, i + m.end())
            j = n if j < 0 else j + len(end)
            out.append('""' + blank(text[i + 2:j]))
            i = j
        elif c == '"' or (c == "'" and not (i > 0 and text[i - 1].isalnum())):  # 1'000 is a digit separator
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(c + blank(text[i + 1:j - 1]) + c)
            i = j
        else:
            out.append(c)
            i += 1
    lines, continued = "".join(out).split("\n"), False
    for k, l in enumerate(lines):  # preprocessor lines (and their continuations) are not code here
        if continued or l.lstrip().startswith("#"):
            continued = l.endswith("\\")
            lines[k] = ""
    return "\n".join(lines)


def without_groups(head):
    """The head with each balanced (...) and {...} group emptied, so its shape shows."""
    out, depth = [], 0
    for c in head:
        if c in "({":
            if depth == 0:
                out.append(c)
            depth += 1
        elif c in ")}":
            depth = max(depth - 1, 0)
            if depth == 0:
                out.append(c)
        elif depth == 0:
            out.append(c)
    return "".join(out)


def is_function_head(head):
    if not head.strip() or CONTROL.match(head) or TYPE_HEAD.match(head):
        return False
    shape = without_groups(head)
    if re.search(r"(?<![=!<>])=(?!=)", shape.replace("operator=", "operator")):
        return False  # a variable's initializer (a lambda held in a variable is counted with it)
    return bool(QUALIFIERS.search(shape) or CTOR_INIT.search(head))


def function_name(head):
    shape = without_groups(head)
    m = re.search(r"(operator\s*\S+?|~?[A-Za-z_][\w:]*(<[^()]*>)?)\s*\(\)", shape)
    return re.sub(r"\s+", " ", m.group(1)) if m else "?"


def functions(path):
    """Yields (first line, name, length in lines) for each function body in the file."""
    with open(path, encoding="utf-8") as f:
        text = blank_literals(f.read())
    stack = []  # open braces: (kind, first line, name); kind "function", "type" or "other"
    head_start = 0  # where the declaration being read at namespace or class scope began
    line = 1
    for i, c in enumerate(text):
        if c == "\n":
            line += 1
        elif c == ";" and all(kind == "type" for kind, _, _ in stack):
            head_start = i + 1
        elif c == "{":
            head = text[head_start:i]
            if any(kind != "type" for kind, _, _ in stack):
                stack.append(("other", line, ""))  # inside a body or an initializer
                continue
            if is_function_head(head):
                kind = "function"
            elif TYPE_HEAD.match(head) or not head.strip():
                kind = "type"
            else:
                kind = "other"  # a brace initializer, or a member's in a constructor's initializer list
            lead = len(head) - len(head.lstrip())
            first = text.count("\n", 0, head_start + lead) + 1
            stack.append((kind, first, function_name(head) if kind == "function" else ""))
            if kind != "other":
                head_start = i + 1
        elif c == "}" and stack:
            kind, first, name = stack.pop()
            if kind == "function":
                yield first, name, line - first + 1
            if kind != "other":
                head_start = i + 1


def sources(paths):
    for p in paths:
        if os.path.isdir(p):
            for d, _, files in os.walk(p):
                for f in sorted(files):
                    if f.endswith((".cpp", ".hpp", ".h", ".cc")):
                        yield os.path.join(d, f)
        else:
            yield p


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=[os.path.join(ROOT, "generator")])
    ap.add_argument("--max", type=int, default=80, help="the longest length allowed (default 80)")
    ap.add_argument("--all", action="store_true", help="list every function, whatever its length")
    a = ap.parse_args()
    found, kept = [], []
    for path in sorted(sources(a.paths)):
        for first, name, length in functions(path):
            if a.all or length > a.max:
                where = os.path.relpath(os.path.abspath(path), ROOT)
                reason = LONG_ON_PURPOSE.get((where, name))
                (kept if reason and not a.all else found).append((length, where, first, name, reason))
    for listed in (found, kept):
        listed.sort(key=lambda f: (-f[0], f[1], f[2]))
    for length, path, first, name, _ in found:
        print("%s:%d: %s: %d lines" % (path, first, name, length))
    for length, path, first, name, reason in kept:
        print("long on purpose: %s:%d: %s: %d lines: %s" % (path, first, name, length, reason))
    return 1 if found and not a.all else 0


if __name__ == "__main__":
    sys.exit(main())
