#!/usr/bin/env python3
"""Builds a minimal site to test /search/ on, until `commonplace build` can build one.

Usage: make_fake_search_site.py --driver PATH/TO/search_index_bench OUT_DIR

OUT_DIR gets the search index of tests/e2e/fixture/memory (built by the bench driver,
bench/search_index_bench.cpp, which calls cp::search::build_search_index, with small
shards and doc chunks so that the browser has to pick the right ones), the
hand-written search page tests/e2e/fixture/search/index.html, the theme's search.js at
static/search.js, and a stub page for every indexed document, so that opening a result
lands on a page.
"""

import argparse
import html
import json
import os
import shutil
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--driver", required=True)
    ap.add_argument("out")
    args = ap.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    # Small shards and chunks, so that even this small site is split into many files.
    subprocess.run([args.driver, "--shard-bytes", "300", "--chunk", "2",
                    os.path.join(HERE, "fixture", "memory"), args.out],
                   check=True, stdout=subprocess.DEVNULL)
    os.makedirs(os.path.join(args.out, "search"), exist_ok=True)
    shutil.copy(os.path.join(HERE, "fixture", "search", "index.html"),
                os.path.join(args.out, "search", "index.html"))
    os.makedirs(os.path.join(args.out, "static"), exist_ok=True)
    shutil.copy(os.path.join(REPO, "themes", "default", "static", "search.js"),
                os.path.join(args.out, "static", "search.js"))
    docs_dir = os.path.join(args.out, "search", "docs")
    for name in sorted(os.listdir(docs_dir)):
        text = open(os.path.join(docs_dir, name), encoding="utf-8").read()
        body = text[text.index("(") + 1:text.rindex(")")]
        for url, title, *_ in json.loads(body[body.index(",") + 1:]):
            page = os.path.join(args.out, url.strip("/"), "index.html")
            os.makedirs(os.path.dirname(page), exist_ok=True)
            with open(page, "w", encoding="utf-8") as f:
                f.write("<!DOCTYPE html><meta charset=utf-8><title>%s</title><h1>%s</h1>\n"
                        % (html.escape(title), html.escape(title)))
    print(args.out)


if __name__ == "__main__":
    main()
