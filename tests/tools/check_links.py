#!/usr/bin/env python3
"""Checks that every internal link in a built static site resolves.

Usage: check_links.py SITE_DIR [--ignore-fragments] [--allow-root-absolute]

For every .html file under SITE_DIR it reads each href and src (and the target
of a <meta http-equiv="refresh">), skips links with a scheme (https:, mailto:,
data:, ...) or starting with //, and resolves the rest against the page's
folder: "dir/" means dir/index.html, a query is ignored, %-escapes are decoded.
The target must be a file inside SITE_DIR. A #fragment must name an id (or an
<a name>) in the target page, unless --ignore-fragments. A link starting with
"/" breaks a site served under a sub-path or opened from file://, so it is a
problem unless --allow-root-absolute (then it is resolved from SITE_DIR).

Prints one line per problem, "page: link -> why", and exits 1 if there is any.
Standard library only; usable on any static site.
"""

import argparse
import os
import re
import sys
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []  # (attribute, value)
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name in ("id",):
            if a.get(name):
                self.ids.add(a[name])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        for name in ("href", "src"):
            if a.get(name) is not None:
                self.links.append((name, a[name]))
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh":
            m = re.search(r"url\s*=\s*(.+)$", a.get("content") or "", re.I)
            if m:
                self.links.append(("refresh", m.group(1).strip().strip("'\"")))

    handle_startendtag = handle_starttag


def parse(path, cache):
    if path not in cache:
        page = Page()
        with open(path, encoding="utf-8", errors="replace") as f:
            page.feed(f.read())
        cache[path] = page
    return cache[path]


def target_file(site, page_dir, path, allow_root):
    if path.startswith("/"):
        if not allow_root:
            return None, "a root-absolute link breaks under a sub-path and from file://"
        base = site
        path = path.lstrip("/")
    else:
        base = page_dir
    full = os.path.normpath(os.path.join(base, unquote(path)))
    if os.path.commonpath([os.path.abspath(full), os.path.abspath(site)]) != os.path.abspath(site):
        return None, "points outside the site"
    if path == "" or path.endswith("/") or os.path.isdir(full):
        full = os.path.join(full, "index.html")
    return full, None


def check(site, ignore_fragments=False, allow_root=False):
    problems = []
    cache = {}
    pages = []
    for folder, _, files in os.walk(site):
        pages += [os.path.join(folder, f) for f in files if f.endswith(".html")]
    for page_path in sorted(pages):
        rel_page = os.path.relpath(page_path, site)
        page = parse(page_path, cache)
        for attr, link in page.links:
            link = link.strip()
            if not link:
                problems.append("%s: empty %s" % (rel_page, attr))
                continue
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//"):
                continue
            if not parts.path:
                target = page_path  # "#part" or "?q": this page
            else:
                target, why = target_file(site, os.path.dirname(page_path), parts.path, allow_root)
                if why:
                    problems.append("%s: %s -> %s" % (rel_page, link, why))
                    continue
                if not os.path.isfile(target):
                    problems.append("%s: %s -> no file %s" % (rel_page, link, os.path.relpath(target, site)))
                    continue
            if parts.fragment and not ignore_fragments and target.endswith(".html"):
                fragment = unquote(parts.fragment)
                if fragment not in parse(target, cache).ids and fragment != "top":
                    problems.append("%s: %s -> no id '%s' in %s" % (rel_page, link, fragment,
                                                                    os.path.relpath(target, site)))
    return len(pages), problems


def main():
    ap = argparse.ArgumentParser(description="Checks every internal link of a static site.")
    ap.add_argument("site")
    ap.add_argument("--ignore-fragments", action="store_true")
    ap.add_argument("--allow-root-absolute", action="store_true")
    a = ap.parse_args()
    if not os.path.isdir(a.site):
        print("check_links: no folder %s" % a.site, file=sys.stderr)
        return 2
    count, problems = check(a.site, a.ignore_fragments, a.allow_root_absolute)
    for p in problems:
        print(p)
    print("check_links: %d pages, %d problem(s)" % (count, len(problems)), file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
