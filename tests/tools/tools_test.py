#!/usr/bin/env python3
"""Shows that the site checkers catch what they are for: each is run on a good
site (no problem) and on copies broken in one way each (exactly that problem).

Usage: tools_test.py --commonplace BIN --work DIR
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_indexes  # noqa: E402
import check_links  # noqa: E402

failures = []


def expect(name, problems, pattern):
    """`pattern` None: no problem expected; else exactly the problems matching it."""
    if pattern is None:
        ok = not problems
    else:
        ok = bool(problems) and all(re.search(pattern, p) for p in problems)
    print("%s %s%s" % ("ok  " if ok else "FAIL", name, "" if ok else ": %s" % problems[:5]))
    if not ok:
        failures.append(name)


def write(root, path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(text)


def edit(path, old, new, count=1):
    with open(path, encoding="utf-8", newline="") as f:  # keep CRLF as it is
        text = f.read()
    if old not in text:
        raise SystemExit("tools_test: %r not in %s" % (old, path))
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text.replace(old, new, count))


def links_tests(work):
    site = os.path.join(work, "links")
    write(site, "index.html", '<a href="notes/x/">x</a> <a href="notes/x/#part">part</a> <img src="a.png">'
                              '<a href="https://example.org/">out</a> <a href="#top">top</a> <a href="?q=1">q</a>')
    write(site, "a.png", "")
    write(site, "notes/x/index.html", '<h2 id="part">Part</h2><a href="../../">home</a><a href="../../index.html">i</a>'
                                      '<meta http-equiv="refresh" content="0; url=../../">')
    expect("links: a good site", check_links.check(site)[1], None)
    write(site, "notes/y/index.html", '<a href="../z/">z</a>')
    expect("links: a missing page", check_links.check(site)[1], r"notes/y/index.html: \.\./z/ -> no file notes/z/index.html")
    os.remove(os.path.join(site, "notes/y/index.html"))
    write(site, "notes/y/index.html", '<a href="../x/#nowhere">z</a>')
    expect("links: a missing fragment", check_links.check(site)[1], r"no id 'nowhere'")
    expect("links: fragments ignored on request", check_links.check(site, ignore_fragments=True)[1], None)
    write(site, "notes/y/index.html", '<link href="/static/style.css" rel="stylesheet">')
    expect("links: a root-absolute link", check_links.check(site)[1], r"root-absolute")
    write(site, "notes/y/index.html", '<a href="../../../etc/passwd">z</a>')
    expect("links: a link out of the site", check_links.check(site)[1], r"outside the site")
    write(site, "notes/y/index.html", '<meta http-equiv="refresh" content="0; url=../gone/">')
    expect("links: a redirect to nothing", check_links.check(site)[1], r"\.\./gone/ -> no file")


def index_tests(commonplace, work):
    memory = os.path.join(tempfile.mkdtemp(prefix="cp-memory-"), "memory")  # outside any git working tree
    facts_path = os.path.join(work, "facts.json")
    subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "make_memory.py"), memory,
                    "--notes", "60", "--facts", facts_path], check=True)
    with open(facts_path, encoding="utf-8") as f:
        facts = json.load(f)
    good = os.path.join(work, "site")
    subprocess.run([commonplace, "build", memory, "-o", good, "--quiet"], check=True)
    shutil.rmtree(os.path.dirname(memory))
    expect("indexes: a good build", check_indexes.check(good, facts), None)

    def broken(name, change, pattern):
        site = os.path.join(work, "broken")
        if os.path.isdir(site):
            shutil.rmtree(site)
        shutil.copytree(good, site)
        change(site)
        expect("indexes: " + name, check_indexes.check(site, facts), pattern)

    key = facts["timeline"][0]["key"]

    def drop_entry(site):
        path = os.path.join(site, "timeline", "index.html")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        text = re.sub(r'<li class="timeline-item" data-entry="%s".*?</li>' % re.escape(key), "", text, count=1, flags=re.S)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    broken("a timeline entry missing", drop_entry, r"timeline: %s appears 0 time\(s\), expected 1" % re.escape(key))
    broken("a timeline entry twice", lambda s: edit(os.path.join(s, "timeline", "index.html"), 'data-entry="%s"' % key,
                                                    'data-entry="%s"></li><li data-entry="%s"' % (key, key)),
           r"appears 2 time\(s\), expected 1")
    open_action = next(a for a in facts["actions"] if not a["done"])
    broken("an open action missing", lambda s: edit(os.path.join(s, "actions", "index.html"),
                                                    'data-action="%s"' % open_action["key"], 'data-action="x"', 2),
           r"actions: (%s listed 0|x is listed)" % re.escape(open_action["key"]))
    tag = sorted(facts["tags"])[0]
    broken("a tag page missing", lambda s: shutil.rmtree(os.path.join(s, "tags", tag)), r"(tags: no page /tags/%s/|sitemap.xml: .*/tags/%s/ has no page)" % (tag, tag))
    broken("a calendar event an hour out", lambda s: edit(os.path.join(s, "meetings.ics"), "DTSTART:2015", "DTSTART:2014"),
           r"meetings.ics: /meetings/.* starts 2014-.* local, expected 2015-")
    broken("a feed that is not XML", lambda s: edit(os.path.join(s, "feed.xml"), "</feed>", "</fed>"),
           r"feed.xml does not parse")
    alias = facts["aliases"][0]
    broken("an alias without its redirect", lambda s: os.remove(os.path.join(s, alias["alias"][1:], "index.html")
                                                                 if alias["alias"].endswith("/") else os.path.join(s, alias["alias"][1:])),
           r"alias %s: no redirect page" % re.escape(alias["alias"]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--commonplace", required=True)
    ap.add_argument("--work", required=True)
    a = ap.parse_args()
    if os.path.isdir(a.work):
        shutil.rmtree(a.work)
    os.makedirs(a.work)
    links_tests(a.work)
    index_tests(a.commonplace, a.work)
    print("tools_test: %d failure(s)" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
