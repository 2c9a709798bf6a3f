#!/usr/bin/env python3
"""Reads a memory's front matter (with PyYAML) into the facts make_memory.py writes:
what a correct build must show on the timeline, /actions/, /tags/, the feed and the calendar.

Usage: memory_facts.py MEMORY_DIR [OUT.json]

It follows the content model on its own, independently of the generator: the type
from the first folder (or `type:`), the slug from the file name, the date from the
front matter or a YYYY-MM-DD file-name prefix, drafts left out, visibility from the
page or the config's default_visibility. Dates from git are not read, so a page
dated only by its first commit is not expected anywhere.
"""

import datetime as dt
import json
import os
import re
import sys

import yaml

FOLDERS = {"domains": "domain", "meetings": "meeting", "notes": "note", "people": "person"}
TYPES = {"domain": "domains", "meeting": "meetings", "note": "notes", "person": "people",
         "domains": "domains", "meetings": "meetings", "notes": "notes", "people": "people"}


def slugify(text):
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s or "page"


def as_day(value):
    """YYYY-MM-DD of a date, date-time or string, or None."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value[:10]).isoformat()
        except ValueError:
            return None
    return None


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def front_matter(text):
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return {}
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            data = yaml.safe_load("\n".join(lines[1:i]))
            return data if isinstance(data, dict) else {}
    return {}


def facts_of(memory):
    config = {}
    config_path = os.path.join(memory, "commonplace.yaml")
    if os.path.exists(config_path):
        with open(config_path, encoding="utf-8") as f:
            config = yaml.safe_load(f) or {}
    default_public = config.get("default_visibility", "community") == "public"
    facts = {"base_url": config.get("base_url", "/"), "timezone": config.get("timezone", "UTC"),
             "timeline": [], "actions": [], "tags": {}, "aliases": [], "meetings": [], "feed_items": []}
    for folder, dirs, files in os.walk(memory):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")) and d not in ("assets", "layouts"))
        for name in sorted(files):
            if not name.endswith(".md") or name.startswith((".", "_")):
                continue
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, memory).replace(os.sep, "/")
            with open(path, encoding="utf-8") as f:
                fm = front_matter(f.read())
            if fm.get("draft") is True:
                continue
            stem = name[:-3]
            first = rel.split("/")[0] if "/" in rel else ""
            folder_type = TYPES.get(fm.get("type", ""), None) or (first if first in FOLDERS else None)
            public = fm.get("visibility", "public" if default_public else "community") == "public"
            slug = slugify(stem)
            if folder_type:
                url = "/%s/%s/" % (folder_type, slug)
            else:
                parts = [slugify(p) for p in rel[:-3].split("/")]
                if parts[-1] in ("index", "readme"):
                    parts = parts[:-1]
                url = "/" + "".join(p + "/" for p in parts)
            date = as_day(fm.get("date"))
            if date is None:
                m = re.match(r"^(\d{4}-\d{2}-\d{2})", stem)
                date = as_day(m.group(1)) if m else None
            for t in as_list(fm.get("tags")):
                entry = facts["tags"].setdefault(slugify(str(t)), {"public": False})
                entry["public"] = entry["public"] or public
            for alias in as_list(fm.get("aliases")):
                a = alias if alias.startswith("/") else "/" + alias
                if not a.endswith("/") and not a.endswith(".html"):
                    a += "/"
                facts["aliases"].append({"alias": a, "target": url, "public": public})
            timeline = facts["timeline"]
            if folder_type == "meetings" and date:
                timeline.append({"key": "meeting:" + url, "public": public})
                for h in range(len(as_list(fm.get("highlights")))):
                    timeline.append({"key": "highlight:%s#%d" % (url, h), "public": public})
                time = fm.get("time")
                facts["meetings"].append({"url": url, "date": date, "public": public,
                                          "time": str(time) if time is not None else ""})
                facts["feed_items"].append({"url": url, "date": date, "public": public})
                for k, action in enumerate(as_list(fm.get("actions"))):
                    done = isinstance(action, dict) and action.get("done") is True
                    due = as_day(action.get("due")) if isinstance(action, dict) else None
                    facts["actions"].append({"key": "%s#%d" % (url, k), "done": done, "due": due or "",
                                             "public": public})
            elif folder_type == "notes" and date:
                timeline.append({"key": "note:" + url, "public": public})
                facts["feed_items"].append({"url": url, "date": date, "public": public})
            elif folder_type == "domains":
                if as_day(fm.get("started")):
                    timeline.append({"key": "started:" + url, "public": public})
                for k, phase in enumerate(as_list(fm.get("phases"))):
                    if isinstance(phase, dict) and as_day(phase.get("since")):
                        timeline.append({"key": "phase:%s#%d" % (url, k), "public": public})
            elif folder_type == "people" and as_day(fm.get("joined")):
                timeline.append({"key": "joined:" + url, "public": public})
    return facts


if __name__ == "__main__":
    facts = facts_of(sys.argv[1])
    text = json.dumps(facts, indent=1, sort_keys=True)
    if len(sys.argv) > 2:
        with open(sys.argv[2], "w", encoding="utf-8") as f:
            f.write(text)
    else:
        print(text)
