#!/usr/bin/env python3
"""Checks a built site's indexes against the facts of its memory.

Usage: check_indexes.py SITE_DIR FACTS.json [--audience community|public]

FACTS.json comes from make_memory.py --facts or memory_facts.py. Checks that:
every dated item is on the timeline (/timeline/ and its year pages) exactly once
and nothing else is; every open action is on /actions/ twice (by owner, by due
date) and every done one once, apart; every tag is on /tags/ with its page;
/feed.xml parses with feedparser and holds the newest 50 meetings and notes with
absolute links and full content; /meetings.ics parses with icalendar, holds every
meeting, all-day when it has no time, at the right UTC instant when it has one;
/sitemap.xml lists only pages that exist; each alias redirects to its page; the
measures page draws its charts with titles and tables. In a public build only
the public facts are expected. Prints each problem; exits 1 if there is any.
"""

import argparse
import collections
import datetime as dt
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import feedparser
from icalendar import Calendar


class Attributes(HTMLParser):
    """Collects the values of some attributes, in document order."""

    def __init__(self, names):
        super().__init__(convert_charrefs=True)
        self.names = names
        self.found = collections.defaultdict(list)
        self.tags = collections.Counter()

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        for k, v in attrs:
            if k in self.names and v is not None:
                self.found[k].append(v)


def attributes(path, *names):
    p = Attributes(set(names))
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    return p


def check(site, facts, audience="community"):
    problems = []
    keep = (lambda f: f["public"]) if audience == "public" else (lambda f: True)
    base = facts["base_url"]

    # The timeline: each dated item exactly once over /timeline/ and its year pages.
    pages = [os.path.join(site, "timeline", "index.html")]
    for name in sorted(os.listdir(os.path.join(site, "timeline"))):
        if re.fullmatch(r"\d{4}", name):
            pages.append(os.path.join(site, "timeline", name, "index.html"))
    seen = collections.Counter()
    for p in pages:
        seen.update(k for k in attributes(p, "data-entry").found["data-entry"] if k)
    expected = collections.Counter(t["key"] for t in facts["timeline"] if keep(t))
    for key in sorted(set(expected) | set(seen)):
        if seen[key] != expected[key]:
            problems.append("timeline: %s appears %d time(s), expected %d" % (key, seen[key], expected[key]))

    # Actions: open ones by owner and by due date, done ones apart.
    listed = collections.Counter(attributes(os.path.join(site, "actions", "index.html"), "data-action").found["data-action"])
    for a in facts["actions"]:
        if not keep(a):
            continue
        want = 1 if a["done"] else 2
        if listed[a["key"]] != want:
            problems.append("actions: %s listed %d time(s), expected %d" % (a["key"], listed[a["key"]], want))
    known = {a["key"] for a in facts["actions"] if keep(a)}
    for key in sorted(set(listed) - known):
        problems.append("actions: %s is listed but is no action of this build" % key)

    # Tags: a link and a page for each.
    tag_links = attributes(os.path.join(site, "tags", "index.html"), "href").found["href"]
    linked = {m.group(1) for h in tag_links for m in [re.fullmatch(r"(?:\.\./tags/|)([^/]+)/", h)] if m}
    for slug, t in sorted(facts["tags"].items()):
        if not keep(t):
            continue
        if slug not in linked:
            problems.append("tags: /tags/ has no link to %s" % slug)
        if not os.path.isfile(os.path.join(site, "tags", slug, "index.html")):
            problems.append("tags: no page /tags/%s/" % slug)
    wanted = {s for s, t in facts["tags"].items() if keep(t)}
    pages = {d for d in os.listdir(os.path.join(site, "tags")) if os.path.isdir(os.path.join(site, "tags", d))}
    for slug in sorted(pages - wanted):
        problems.append("tags: /tags/%s/ is no tag of this build" % slug)

    # The feed, read by a real parser.
    feed = feedparser.parse(os.path.join(site, "feed.xml"))
    if feed.bozo:
        problems.append("feed.xml does not parse: %s" % feed.bozo_exception)
    items = sorted((f for f in facts["feed_items"] if keep(f)), key=lambda f: f["url"])
    items.sort(key=lambda f: f["date"], reverse=True)
    want_links = [base + f["url"][1:] for f in items[:50]]
    got_links = [e.get("link") for e in feed.entries]
    if got_links != want_links:
        problems.append("feed.xml: %d entries %s, expected %d %s" % (len(got_links), got_links[:3], len(want_links), want_links[:3]))
    for e in feed.entries:
        if not e.get("content") or not e.content[0].value.strip():
            problems.append("feed.xml: entry %s has no content" % e.get("link"))
        if not e.get("id") or not e.get("updated"):
            problems.append("feed.xml: entry %s lacks an id or updated" % e.get("link"))

    # The calendar, read by a real parser.
    with open(os.path.join(site, "meetings.ics"), "rb") as f:
        raw = f.read()
    if b"\r\n" not in raw or re.search(rb"[^\r]\n", raw):
        problems.append("meetings.ics: lines must end with CRLF")
    if any(len(line) > 75 for line in raw.split(b"\r\n")):
        problems.append("meetings.ics: a line is longer than 75 octets")
    events = {}
    for ev in Calendar.from_ical(raw).walk("VEVENT"):
        events[str(ev.get("url") or ev.get("uid"))] = ev
    zone = ZoneInfo(facts["timezone"])
    meetings = [m for m in facts["meetings"] if keep(m)]
    if len(events) != len(meetings):
        problems.append("meetings.ics: %d events, expected %d" % (len(events), len(meetings)))
    for m in meetings:
        ev = events.get(base + m["url"][1:])
        if ev is None:
            problems.append("meetings.ics: no event for %s" % m["url"])
            continue
        start = ev.decoded("dtstart")
        if not m["time"]:
            if isinstance(start, dt.datetime) or start.isoformat() != m["date"]:
                problems.append("meetings.ics: %s should be all-day on %s, is %s" % (m["url"], m["date"], start))
            continue
        if not isinstance(start, dt.datetime) or start.utcoffset() != dt.timedelta(0):
            problems.append("meetings.ics: %s should start at a UTC time, is %s" % (m["url"], start))
            continue
        local = start.astimezone(zone)
        if local.strftime("%Y-%m-%d %H:%M") != "%s %s" % (m["date"], m["time"].zfill(5)):
            problems.append("meetings.ics: %s starts %s local, expected %s %s" % (m["url"], local, m["date"], m["time"]))

    # The sitemap: absolute addresses of pages that exist.
    tree = ET.parse(os.path.join(site, "sitemap.xml"))
    locs = [e.text for e in tree.getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    for loc in locs:
        if not loc.startswith(base):
            problems.append("sitemap.xml: %s is not under %s" % (loc, base))
        elif not os.path.isfile(os.path.join(site, loc[len(base):], "index.html")):
            problems.append("sitemap.xml: %s has no page" % loc)
    for must in ("", "timeline/", "tags/", "actions/", "agenda/", "stats/"):
        if base + must not in locs:
            problems.append("sitemap.xml: %s is missing" % (base + must))

    # Aliases: a page that sends the reader on.
    for a in facts["aliases"]:
        path = a["alias"][1:]
        path = os.path.join(site, path, "index.html") if path.endswith("/") else os.path.join(site, path)
        if not keep(a):
            if os.path.exists(path):
                problems.append("alias %s of a community page is in a public build" % a["alias"])
            continue
        if not os.path.isfile(path):
            problems.append("alias %s: no redirect page" % a["alias"])
            continue
        with open(path, encoding="utf-8") as f:
            m = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', f.read())
        target = os.path.normpath(os.path.join(os.path.dirname(path), m.group(1) if m else "", "index.html"))
        if not m or target != os.path.normpath(os.path.join(site, a["target"][1:], "index.html")):
            problems.append("alias %s: does not redirect to %s" % (a["alias"], a["target"]))

    # Measures: charts with a title, a description and a table each.
    stats = attributes(os.path.join(site, "stats", "index.html"), "aria-labelledby")
    if stats.tags["svg"] != 4 or stats.tags["table"] != 4 or stats.tags["title"] < 5 or stats.tags["desc"] != 4:
        problems.append("stats: expected 4 charts with title, desc and a table, found %d svg, %d table, %d desc"
                        % (stats.tags["svg"], stats.tags["table"], stats.tags["desc"]))
    for must in ("robots.txt", "404.html", "agenda/index.html"):
        if not os.path.isfile(os.path.join(site, must)):
            problems.append("%s is missing" % must)
    return problems


def main():
    ap = argparse.ArgumentParser(description="Checks a built site's indexes against its memory's facts.")
    ap.add_argument("site")
    ap.add_argument("facts")
    ap.add_argument("--audience", default="community", choices=["community", "public"])
    a = ap.parse_args()
    with open(a.facts, encoding="utf-8") as f:
        facts = json.load(f)
    problems = check(a.site, facts, a.audience)
    for p in problems:
        print(p)
    print("check_indexes: %d problem(s)" % len(problems), file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
