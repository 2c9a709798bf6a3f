#!/usr/bin/env python3
"""Writes a synthetic community memory laid out as in the content model, for tests.

Usage: make_memory.py DIR [--notes N] [--meetings M] [--people P] [--domains D]
                          [--seed S] [--facts FILE]

Deterministic for given arguments (standard library only, no git). It writes
commonplace.yaml, index.md, about.md, domains/, people/, meetings/YYYY/ and
notes/KIND/ with tags (some differing only in case), domains, authors,
attendees, roles, actions (open, done, overdue), highlights, parking lots,
phase histories, learning agendas with answered questions, aliases, a few
drafts and a mix of public and community pages. Every file's modification time
is set to the reference date, so the build's "today" is known.

With --facts it also writes, as JSON, what a correct build must show: every
timeline entry, every action, every tag, every alias and every meeting, each
with its visibility, so a test can check a community or a public build
without reading YAML.
"""

import argparse
import json
import os
import random
import re
import datetime as dt

KINDS = ["story", "lesson", "practice", "question", "tip", "resource", "review", "value-story"]
PHASES = ["discovering", "coalescing", "maturing", "stewardship", "transformation"]
ROLES = ["convener", "facilitator", "note_taker", "critical_friend", "social_reporter"]
FIRST = ["Ada", "Grace", "Alan", "Priya", "Kwame", "Mei", "Lucia", "Sven", "Niamh", "Omar",
         "Ruth", "Tomas", "Ines", "Yusuf", "Hana", "Leila", "Rhys", "Astrid", "Kofi", "Marta"]
LAST = ["Okafor", "Hopper", "Raman", "Mensah", "Ling", "Garcia", "Berg", "Kelly", "Hassan",
        "Campbell", "Novak", "Adeyemi", "Price", "Evans", "Marsh", "Sato", "Moreau", "Weber"]
TOPICS = ["handover", "deterioration", "medicines", "incidents", "transfers", "falls",
          "sepsis", "discharge", "huddles", "feedback", "pressure care", "nutrition"]
TAGS = ["handover", "SBAR", "sbar", "huddle", "night shift", "patient voice", "pharmacy",
        "escalation", "NEWS", "learning", "data", "training", "community", "rota", "Handover"]
EXPERTISE = ["SBAR and structured communication", "ward safety huddles", "medicines reconciliation",
             "after-action reviews", "escalation at night", "discharge planning",
             "running online calls", "measuring for improvement", "patient stories",
             "coaching new nurses"]
SERIES = ["Handover huddle", "Reading group", "Core group"]


def slugify(text):
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s or "page"


def q(text):
    """A YAML scalar that is read back exactly (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)


def write(root, path, front, body, mtime):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full) or root, exist_ok=True)
    lines = ["---"] + front + ["---", "", body.rstrip() + "\n"]
    with open(full, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    os.utime(full, (mtime, mtime))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir")
    ap.add_argument("--notes", type=int, default=200)
    ap.add_argument("--meetings", type=int)
    ap.add_argument("--people", type=int)
    ap.add_argument("--domains", type=int)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--facts")
    a = ap.parse_args()
    n_notes = a.notes
    n_meetings = a.meetings if a.meetings is not None else max(4, n_notes // 5)
    n_people = a.people if a.people is not None else max(8, min(150, n_notes // 15))
    n_domains = a.domains if a.domains is not None else max(3, min(12, n_notes // 150))
    rnd = random.Random(a.seed)
    root = a.dir
    os.makedirs(root, exist_ok=True)

    start = dt.date(2015, 1, 5)
    span_days = max(365, n_meetings * 5)  # about a meeting a week when there are many
    end = start + dt.timedelta(days=span_days)
    reference = end + dt.timedelta(days=10)
    mtime = dt.datetime(reference.year, reference.month, reference.day, 12, tzinfo=dt.timezone.utc).timestamp()
    facts = {"base_url": "https://example.org/memory/", "timezone": "Europe/London",
             "reference_date": reference.isoformat(), "timeline": [], "actions": [], "tags": {},
             "aliases": [], "meetings": [], "feed_items": []}

    def day(offset):
        return (start + dt.timedelta(days=offset)).isoformat()

    def tag_facts(tags, public):
        for t in tags:
            entry = facts["tags"].setdefault(slugify(t), {"public": False})
            entry["public"] = entry["public"] or public

    write(root, "commonplace.yaml", [], "", mtime)
    with open(os.path.join(root, "commonplace.yaml"), "w", encoding="utf-8") as f:
        f.write("title: Generated memory\nbase_url: %s\ntimezone: %s\ndefault_visibility: community\n"
                % (facts["base_url"], facts["timezone"]))
    os.utime(os.path.join(root, "commonplace.yaml"), (mtime, mtime))
    write(root, "index.md", ["title: Generated memory", "visibility: public"],
          "A memory written by make_memory.py for tests.", mtime)
    write(root, "about.md", ["title: About", "visibility: public", "aliases: [/about-us/, /old/about.html]"],
          "# About\n\nWhat this community is.", mtime)
    facts["aliases"] += [{"alias": "/about-us/", "target": "/about/", "public": True},
                         {"alias": "/old/about.html", "target": "/about/", "public": True}]

    # People.
    people = []
    for i in range(n_people):
        name = "%s %s" % (FIRST[i % len(FIRST)], LAST[(i * 7) % len(LAST)])
        if i >= len(FIRST):
            name += " %d" % (i // len(FIRST) + 1)
        slug = slugify(name)
        public = i % 3 != 2
        joined = day(rnd.randrange(0, span_days))
        people.append({"slug": slug, "name": name, "public": public})
        front = ["title: " + q(name), "joined: " + joined, "visibility: " + ("public" if public else "community"),
                 "expertise: [%s]" % ", ".join(q(e) for e in rnd.sample(EXPERTISE, 2)),
                 "organisation: " + q("Trust %d" % (i % 4 + 1))]
        if i % 10 == 0:
            front.append("aliases: [/members/%s/]" % slug)
            facts["aliases"].append({"alias": "/members/%s/" % slug, "target": "/people/%s/" % slug, "public": public})
        write(root, "people/%s.md" % slug, front, "%s is a member of the community." % name, mtime)
        facts["timeline"].append({"key": "joined:/people/%s/" % slug, "public": public})

    # Domains (notes answer their questions later, so note slugs are chosen first).
    note_slugs = ["note-%04d-%s" % (i, slugify(TOPICS[i % len(TOPICS)])) for i in range(n_notes)]
    domains = []
    for i in range(n_domains):
        title = "%s %d" % (TOPICS[i % len(TOPICS)].capitalize(), i + 1)
        slug = slugify(title)
        public = i % 2 == 0
        domains.append({"slug": slug, "public": public})
        started = day(rnd.randrange(0, 60))
        phases, when = [], 0
        for k in range(1 + i % 3):
            when += rnd.randrange(0, span_days // 4 + 1)
            phases.append("  - {phase: %s, since: %s}" % (PHASES[k], day(when)))
            facts["timeline"].append({"key": "phase:/domains/%s/#%d" % (slug, k), "public": public})
        facts["timeline"].append({"key": "started:/domains/%s/" % slug, "public": public})
        conveners = [p["slug"] for p in rnd.sample(people, 2)]
        tags = rnd.sample(TAGS, 2)
        tag_facts(tags, public)
        front = ["title: " + q(title), "started: " + started, "phase: " + PHASES[len(phases) - 1],
                 "phases:"] + phases + [
            "conveners: [%s]" % ", ".join(conveners),
            "practices: [%s]" % ", ".join(q(p) for p in rnd.sample(EXPERTISE, 3)),
            "learning_agenda:",
            "  - " + q("What do we still not know about %s?" % title.lower()),
            "  - question: " + q("Does the checklist help with %s?" % title.lower()),
            "    status: answered",
            "    answered_in: " + note_slugs[(i * 37) % n_notes] if n_notes else "",
            "visibility: " + ("public" if public else "community"),
            "tags: [%s]" % ", ".join(q(t) for t in tags)]
        if i == 0:
            front.append("aliases: [/areas/%s/]" % slug)
            facts["aliases"].append({"alias": "/areas/%s/" % slug, "target": "/domains/%s/" % slug, "public": public})
        write(root, "domains/%s.md" % slug, [f for f in front if f],
              "# %s\n\nWhat this domain is about: %s." % (title, title.lower()), mtime)

    # Meetings.
    for i in range(n_meetings):
        date = day(i * span_days // max(1, n_meetings))
        series = SERIES[i % len(SERIES)] if i % 4 != 3 else ""
        title = series or "Workshop %d" % i
        slug = "%s-%s-%d" % (date, slugify(title), i)
        public = i % 3 == 0
        draft = i % 50 == 49
        doms = rnd.sample(domains, min(len(domains), 1 + i % 2))
        attendees = [p["slug"] for p in rnd.sample(people, min(len(people), 3 + i % 5))]
        if i % 5 == 0:
            attendees.append("A visitor")
        front = ["title: " + q(title + " " + date), "date: " + date,
                 "domains: [%s]" % ", ".join(d["slug"] for d in doms),
                 "attendees: [%s]" % ", ".join(q(x) for x in attendees),
                 "roles:", "  facilitator: " + attendees[0], "  note_taker: [%s]" % attendees[1],
                 "visibility: " + ("public" if public else "community")]
        if draft:
            front.append("draft: true")
        if i % 3 != 1:
            front += ['time: "%02d:30"' % (9 + i % 9), 'end_time: "%02d:00"' % (11 + i % 9)]
        if series:
            front.append("series: " + q(series))
        if i % 2 == 0:
            front.append("location: " + q("Room %d, Northbridge; by the lifts" % (i % 7)))
        tags = rnd.sample(TAGS, 1 + i % 3)
        front.append("tags: [%s]" % ", ".join(q(t) for t in tags))
        actions = []
        for k in range(i % 4):
            owner = rnd.choice(people)["slug"] if k != 2 else ""
            due = (dt.date.fromisoformat(date) + dt.timedelta(days=14 + 30 * k)).isoformat() if k != 1 else ""
            done = (i + k) % 3 == 0
            item = "  - {action: %s%s%s, done: %s}" % (
                q("Follow up %s item %d" % (title.lower(), k)), ", owner: " + owner if owner else "",
                ", due: " + due if due else "", "true" if done else "false")
            actions.append(item)
            if not draft:
                facts["actions"].append({"key": "/meetings/%s/#%d" % (slug, k), "done": done, "due": due,
                                         "public": public})
        if actions:
            front += ["actions:"] + actions
        highlights = ["First %s with %d people" % (title.lower(), len(attendees))] if i % 2 == 0 else []
        if i % 6 == 0:
            highlights.append("Agreed a new practice for %s" % doms[0]["slug"])
        if highlights:
            front.append("highlights: [%s]" % ", ".join(q(h) for h in highlights))
        if i % 4 == 1:
            front.append("parking_lot: [%s]" % q("A budget of our own"))
        body = "# %s\n\nWe met about [[%s]]. Notes by [[person/%s]].\n\n## What we discussed\n\nA lot." % (
            title, doms[0]["slug"], attendees[0])
        write(root, "meetings/%s/%s.md" % (date[:4], slug), front, body, mtime)
        if draft:
            continue
        tag_facts(tags, public)
        facts["timeline"].append({"key": "meeting:/meetings/%s/" % slug, "public": public})
        for h in range(len(highlights)):
            facts["timeline"].append({"key": "highlight:/meetings/%s/#%d" % (slug, h), "public": public})
        facts["meetings"].append({"url": "/meetings/%s/" % slug, "date": date, "public": public,
                                  "time": "%02d:30" % (9 + i % 9) if i % 3 != 1 else ""})
        facts["feed_items"].append({"url": "/meetings/%s/" % slug, "date": date, "public": public})

    # Notes.
    for i, slug in enumerate(note_slugs):
        kind = KINDS[i % len(KINDS)]
        date = day(rnd.randrange(0, span_days))
        public = i % 3 == 0
        draft = i % 97 == 96
        tags = rnd.sample(TAGS, i % 3)
        doms = rnd.sample(domains, i % 3 % max(1, len(domains) + 1)) if domains else []
        authors = [p["slug"] for p in rnd.sample(people, 1 + i % 2)]
        front = ["title: " + q("%s about %s %d" % (kind.capitalize(), TOPICS[i % len(TOPICS)], i)),
                 "date: " + date, "kind: " + kind, "authors: [%s]" % ", ".join(authors),
                 "visibility: " + ("public" if public else "community")]
        if tags:
            front.append("tags: [%s]" % ", ".join(q(t) for t in tags))
        if doms:
            front.append("domains: [%s]" % ", ".join(d["slug"] for d in doms))
        if draft:
            front.append("draft: true")
        body = "A %s written for tests.\n\nSee [the people](../../people/%s.md)." % (kind, authors[0])
        write(root, "notes/%s/%s.md" % (kind, slug), front, body, mtime)
        if draft:
            continue
        tag_facts(tags, public)
        facts["timeline"].append({"key": "note:/notes/%s/" % slug, "public": public})
        facts["feed_items"].append({"url": "/notes/%s/" % slug, "date": date, "public": public})

    if a.facts:
        with open(a.facts, "w", encoding="utf-8") as f:
            json.dump(facts, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
