#!/usr/bin/env python3
"""Builds a memory and validates /export/memory.json against /export/schema.json with
python3-jsonschema (Draft 2020-12), then checks what the schema cannot say: every page
of the export was written as a page of the site, addresses are unique, links and
backlinks name pages of the export (or pages the generator makes), and a public build
exports only public pages. A copy with a required field removed must fail validation,
so a validator that accepts everything cannot pass this test.

Usage: check_export.py --commonplace BIN --memory DIR --work DIR [--audience community|public]
"""

import argparse
import copy
import json
import os
import shutil
import subprocess
import sys

import jsonschema


def fail(message):
    print("check_export: " + message, file=sys.stderr)
    sys.exit(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--commonplace", required=True)
    ap.add_argument("--memory", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--audience", default="community", choices=["community", "public"])
    a = ap.parse_args()
    if os.path.isdir(a.work):
        shutil.rmtree(a.work)
    os.makedirs(a.work)
    site = os.path.join(a.work, "site")
    subprocess.run([a.commonplace, "build", a.memory, "-o", site, "--audience", a.audience, "--quiet"], check=True)
    with open(os.path.join(site, "export", "schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    with open(os.path.join(site, "export", "memory.json"), encoding="utf-8") as f:
        doc = json.load(f)

    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    if errors:
        fail("memory.json does not match its schema:\n" + "\n".join(
            "  at /%s: %s" % ("/".join(map(str, e.path)), e.message) for e in errors[:20]))

    if doc["audience"] != a.audience:
        fail("audience is %r, built for %r" % (doc["audience"], a.audience))
    for element in ("title", "creator", "date", "description", "language", "rights"):
        if element not in doc["dublin_core"]:
            fail("Dublin Core has no " + element)
    urls = [p["url"] for p in doc["pages"]]
    if len(urls) != len(set(urls)):
        fail("a page is exported twice")
    if not urls:
        fail("no pages exported")
    known = set(urls)
    for p in doc["pages"]:
        written = os.path.join(site, p["url"].lstrip("/"), "index.html")
        if not os.path.isfile(written):
            fail("%s is exported but its page was not written" % p["url"])
        if a.audience == "public" and p["visibility"] != "public":
            fail("%s is not public but is in the public export" % p["url"])
        for target in p["links"]["pages"] + p["links"]["backlinks"]:
            page = target.split("#")[0]
            if page not in known and not os.path.exists(os.path.join(site, page.lstrip("/"))):
                fail("%s links to %s, which is neither exported nor written" % (p["url"], target))
        for b in p["links"]["backlinks"]:
            if b not in known:
                fail("%s has a backlink from %s, which is not exported" % (p["url"], b))

    # A negative control: the validator must refuse a page without its title.
    broken = copy.deepcopy(doc)
    del broken["pages"][0]["title"]
    if validator.is_valid(broken):
        fail("the schema accepts a page without a title")
    broken = copy.deepcopy(doc)
    broken["pages"][0]["type"] = "essay"
    if validator.is_valid(broken):
        fail("the schema accepts an unknown page type")
    print("check_export: %d pages (%s) valid against the schema" % (len(urls), a.audience))


if __name__ == "__main__":
    main()
