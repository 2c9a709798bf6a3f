#!/usr/bin/env python3
"""Builds a memory with commonplace and checks the result: every internal link
resolves (check_links.py) and the indexes hold what the memory says
(check_indexes.py: timeline, actions, tags, feed, calendar, sitemap, aliases).

Usage: check_build.py --commonplace BIN --work DIR (--memory DIR | --generate N)
                      [--audience community|public]

--generate N writes a memory of N notes with make_memory.py into DIR first;
--memory reads the facts of an existing memory with memory_facts.py (PyYAML).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_indexes  # noqa: E402
import check_links  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--commonplace", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--memory")
    ap.add_argument("--generate", type=int)
    ap.add_argument("--audience", default="community", choices=["community", "public"])
    a = ap.parse_args()
    if os.path.isdir(a.work):
        shutil.rmtree(a.work)
    os.makedirs(a.work)
    if a.generate is not None:
        # Outside any git working tree: a memory inside an ignored build folder would be
        # read as git sees it, every file ignored.
        memory = tempfile.mkdtemp(prefix="cp-memory-")
        facts_path = os.path.join(a.work, "facts.json")
        subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "make_memory.py"), memory,
                        "--notes", str(a.generate), "--facts", facts_path], check=True)
        with open(facts_path, encoding="utf-8") as f:
            facts = json.load(f)
    else:
        import memory_facts
        memory = a.memory
        facts = memory_facts.facts_of(memory)
    site = os.path.join(a.work, "site")
    try:
        build = subprocess.run([a.commonplace, "build", memory, "-o", site, "--audience", a.audience, "--quiet"],
                               capture_output=True, text=True)
    finally:
        if a.generate is not None:
            shutil.rmtree(memory)
    if build.returncode != 0:
        print(build.stderr[-4000:])
        print("check_build: commonplace build failed with status %d" % build.returncode)
        return 1
    pages, problems = check_links.check(site)
    problems += check_indexes.check(site, facts, a.audience)
    for p in problems[:200]:
        print(p)
    print("check_build: %d pages, %d problem(s)" % (pages, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
