#!/usr/bin/env python3
"""Builds a memory in each language the default theme ships and looks for English theme
words left in the others.

For every key of themes/default/i18n/en.yaml, the English value is cut at its placeholders
({n}, {title}) into fragments; a fragment of 4 or more characters is looked for when it is not
in the target language's value for that key and not in the memory's own source files (case
ignored: those words could come from the content). It is looked for, as a whole word and with
its case, in the text of every HTML, XML, ICS, JS and JSON file the build wrote (HTML: the text
and the attributes people read: title, aria-label, placeholder, alt, content, data-words).
Each hit is reported with its file and key. It also checks <html lang>.

    check_i18n.py --commonplace build/commonplace --memory content-example --work /tmp/x
"""
import argparse
import html
import os
import re
import shutil
import subprocess
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
LANGUAGES = ["en", "fr", "es", "pt"]
TEXT_FILES = (".html", ".xml", ".ics", ".js", ".json")
READ_ATTRIBUTES = re.compile(r'\b(?:title|aria-label|placeholder|alt|content|data-words)="([^"]*)"')


def flatten(tree, prefix=""):
    out = {}
    if isinstance(tree, dict):
        for k, v in tree.items():
            out.update(flatten(v, f"{prefix}{k}."))
    elif isinstance(tree, list):
        for i, v in enumerate(tree, 1):
            out.update(flatten(v, f"{prefix}{i}."))
    elif tree is not None:
        out[prefix[:-1]] = str(tree)
    return out


def words_of(lang):
    with open(os.path.join(SOURCE, "themes", "default", "i18n", f"{lang}.yaml"), encoding="utf-8") as f:
        return flatten(yaml.safe_load(f))


def fragments(value):
    for part in re.split(r"\{[a-z_]+\}", value):
        part = part.strip(" .,:;()·–—\u2192\u2190")
        if len(part) >= 4:
            yield part


def memory_text(memory):
    chunks = []
    for folder, _, files in os.walk(memory):
        if "/.git" in folder:
            continue
        for name in files:
            try:
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    chunks.append(f.read())
            except (UnicodeDecodeError, OSError):
                pass
    return "\n".join(chunks).lower()


def readable_text(path, raw):
    if path.endswith((".html", ".xml")):
        attributes = " ".join(READ_ATTRIBUTES.findall(raw))
        # Scripts inside a page are code, not words; the words a script shows come from data-words.
        body = re.sub(r"<script\b.*?</script>", " ", raw, flags=re.S)
        body = re.sub(r"<[^>]+>", " ", body)
        return html.unescape(body + " " + html.unescape(attributes))
    if path.endswith(".json"):
        return raw.encode().decode("unicode_escape", errors="ignore") if "\\u" in raw else raw
    return raw.replace("\r\n ", "")  # iCalendar's folded lines


def build(args, lang, audience):
    out = os.path.join(args.work, f"{lang}-{audience}")
    config = os.path.join(args.work, f"commonplace-{lang}.yaml")
    with open(os.path.join(args.memory, "commonplace.yaml"), encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"(?m)^language:.*\n", "", text) + f"\nlanguage: {lang}\n"
    with open(config, "w", encoding="utf-8") as f:
        f.write(text)
    run = subprocess.run([args.commonplace, "build", args.memory, "-o", out, "-q", "--config", config,
                          "--audience", audience], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"the {lang} {audience} build failed:\n{run.stderr}")
    if "i18n" in run.stderr or "no word for" in run.stderr:
        sys.exit(f"the {lang} {audience} build warned about its words:\n{run.stderr}")
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--commonplace", required=True)
    parser.add_argument("--memory", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)

    english = words_of("en")
    content = memory_text(args.memory)
    problems = []
    for lang in LANGUAGES:
        theirs = words_of(lang)
        missing = sorted(set(english) - set(theirs))
        if missing:
            problems.append(f"{lang}.yaml lacks {len(missing)} key(s): {', '.join(missing[:10])}")
        wanted = []  # (fragment, key, compiled pattern)
        if lang != "en":
            for key, value in english.items():
                target = theirs.get(key, "").lower()
                for fragment in fragments(value):
                    if fragment.lower() in target or fragment.lower() in content:
                        continue
                    wanted.append((fragment, key, re.compile(r"(?<![\w-])" + re.escape(fragment) + r"(?![\w-])")))
        for audience in ("community", "public"):
            out = build(args, lang, audience)
            files = 0
            for folder, _, names in os.walk(out):
                for name in names:
                    if not name.endswith(TEXT_FILES):
                        continue
                    path = os.path.join(folder, name)
                    rel = os.path.relpath(path, out)
                    with open(path, encoding="utf-8", errors="replace") as f:
                        raw = f.read()
                    files += 1
                    if name.endswith(".html") and raw.startswith("<!DOCTYPE html>"):
                        m = re.search(r'<html lang="([^"]*)"', raw)
                        if not m or m.group(1) != lang:
                            problems.append(f"{lang} {audience}: {rel}: <html lang> is {m.group(1) if m else 'missing'}")
                    if not wanted:
                        continue
                    text = readable_text(path, raw)
                    for fragment, key, pattern in wanted:
                        # The plain search first: most fragments are in no file, and it is many
                        # times faster than the pattern with its word edges.
                        if fragment in text and pattern.search(text):
                            problems.append(f"{lang} {audience}: {rel}: English \"{fragment}\" ({key})")
            print(f"{lang} {audience}: {files} files read, {len(wanted)} English fragments looked for")
    if problems:
        shown = problems[:200]
        print("\n".join(shown))
        if len(problems) > len(shown):
            print(f"... and {len(problems) - len(shown)} more")
        sys.exit(1)
    print("no English theme word found in the fr, es and pt builds")


if __name__ == "__main__":
    main()
