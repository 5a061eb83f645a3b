#!/usr/bin/env python3
"""Formats the bodies of `macro_rules!` in the SQL store crate, which rustfmt does not reach.

Each arm's body has its metavariables (`$db`, `$crate`, …) renamed to plain identifiers, is
wrapped in a function, formatted by rustfmt (with the width the macro's indentation leaves), and
put back. Strings (the SQL) are never changed; a line that still runs past 100 columns is
reported, so long SQL gets split into `concat!` pieces by hand.

    scripts/fmt-macros.py            format in place
    scripts/fmt-macros.py --check    exit 1 when a file would change or a line is too long
"""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "crates/agentdesk-store-sql/src").rglob("*.rs"))
MAX = 100
MARK = "_"  # one ASCII character like "$", so widths come out as rustfmt counts them


def segments(text):
    """Splits Rust source into ('code' | 'str' | 'comment', text) pieces."""
    out, i, n, start = [], 0, len(text), 0

    def flush(kind, end):
        nonlocal start
        if end > start:
            out.append((kind, text[start:end]))
        start = end

    while i < n:
        c = text[i]
        if text.startswith("//", i):
            flush("code", i)
            j = text.find("\n", i)
            j = n if j < 0 else j
            flush("comment", j)
            i = j
        elif text.startswith("/*", i):
            flush("code", i)
            j = text.index("*/", i) + 2
            flush("comment", j)
            i = j
        elif c == "r" and re.match(r'r#*"', text[i:]) and not re.match(r"\w", text[i - 1 : i]):
            flush("code", i)
            hashes = re.match(r"r(#*)\"", text[i:]).group(1)
            j = text.index('"' + hashes, i + 2 + len(hashes)) + 1 + len(hashes)
            flush("str", j)
            i = j
        elif c == '"':
            flush("code", i)
            j = i + 1
            while text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            flush("str", j + 1)
            i = j + 1
        elif c == "'":
            m = re.match(r"'(\\.|[^\\'])'", text[i:]) or re.match(r"'\\u\{[0-9a-fA-F]+\}'", text[i:])
            if m:
                flush("code", i)
                flush("str", i + m.end())
                i += m.end()
            else:
                i += 1  # a lifetime
        else:
            i += 1
    flush("code", n)
    return out


def rename(text, forward):
    """`$name` to `_name` and back; the code itself may not start identifiers with `_`."""
    pieces = []
    for kind, s in segments(text):
        if kind == "code":
            if forward:
                clash = re.search(r"(?<![\w$])" + MARK + r"\w", s)
                if clash:
                    raise SystemExit(f"an identifier starts with {MARK!r}: {s[clash.start():][:30]}")
                s = re.sub(r"\$(\w+)", MARK + r"\1", s)
            else:
                s = re.sub(r"(?<!\w)" + MARK + r"(?=\w)", "$", s)
        pieces.append(s)
    return "".join(pieces)


def matching(text, open_at):
    """Index of the brace that closes the one at `open_at`, skipping strings and comments."""
    depth, pos = 0, 0
    for kind, s in segments(text[open_at:]):
        if kind == "code":
            for k, ch in enumerate(s):
                if ch in "{([":
                    depth += 1
                elif ch in "})]":
                    depth -= 1
                    if depth == 0:
                        return open_at + pos + k
        pos += len(s)
    raise ValueError("unbalanced")


def rustfmt(code, width):
    config = f"edition=2024,max_width={width}"
    res = subprocess.run(
        ["rustfmt", "--emit", "stdout", "--config", config],
        input=code, capture_output=True, text=True,
    )
    if res.returncode != 0:
        raise RuntimeError(res.stderr)
    return res.stdout


def reindent(text, by):
    """Shifts every line by `by` columns, except lines that begin inside a string literal."""
    inside, pos = [], 0
    for kind, seg in segments(text):
        if kind == "str":
            inside.append((pos, pos + len(seg)))
        pos += len(seg)
    out, offset = [], 0
    for line in text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        if line.strip() and not any(a < start < b for a, b in inside):
            lead = len(line) - len(line.lstrip(" "))
            line = " " * by + line if by >= 0 else line[min(-by, lead):]
        out.append(line)
    return "\n".join(out)


def format_body(body, indent):
    """`body` is the text between an arm's braces; returns it formatted at `indent` spaces."""
    wrapped = "fn __macro_body() {\n" + reindent(rename(body, True), 4 - indent) + "\n}\n"
    formatted = rustfmt(wrapped, MAX - (indent - 4))
    lines = formatted.rstrip("\n").split("\n")
    assert lines[0] == "fn __macro_body() {" and lines[-1] == "}", formatted
    inner = reindent("\n".join(lines[1:-1]), indent - 4)
    return "\n" + rename(inner, False) + "\n"


def format_file(text):
    out, pos = [], 0
    for m in re.finditer(r"macro_rules!\s*\w+\s*\{", text):
        if m.start() < pos:
            continue
        macro_end = matching(text, m.end() - 1)
        i = m.end()
        while True:
            arm = re.compile(r"\s*\(").match(text, i)
            if not arm or arm.end() > macro_end:
                break
            pat_end = matching(text, arm.end() - 1)
            body = re.compile(r"\s*=>\s*\{").match(text, pat_end + 1)
            body_open = body.end() - 1
            body_close = matching(text, body_open)
            if text[body_open + 1] == "{" and matching(text, body_open + 1) == body_close - 1:
                # `=> {{ … }}`: a block expression; format what is inside the inner braces.
                body_open, body_close = body_open + 1, body_close - 1
            line_start = text.rfind("\n", 0, arm.start() + len(arm.group(0)) - 1) + 1
            indent = len(text[line_start:]) - len(text[line_start:].lstrip(" ")) + 4
            out.append(text[pos : body_open + 1])
            out.append(format_body(text[body_open + 1 : body_close], indent))
            out.append(" " * (indent - 4))
            pos = body_close
            semi = re.compile(r"\}+\s*;?").match(text, body_close)
            i = semi.end()
    out.append(text[pos:])
    return "".join(out)


def main():
    check = "--check" in sys.argv
    bad = False
    for path in FILES:
        text = path.read_text()
        new = format_file(text)
        if new != text:
            if check:
                print(f"{path.relative_to(ROOT)}: macro bodies are not formatted "
                      "(run scripts/fmt-macros.py)")
                bad = True
            else:
                path.write_text(new)
        for no, line in enumerate(new.split("\n"), 1):
            if len(line) > MAX:
                print(f"{path.relative_to(ROOT)}:{no}: {len(line)} columns")
                bad = True
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
