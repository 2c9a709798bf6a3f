#!/usr/bin/env python3
"""Prints /print/ to PDF with headless Chromium, reads it back with pdftotext (poppler-utils)
and checks that it reads as one document: the title page alone on page 1 with its Dublin
Core colophon, the contents on page 2, each part (domains, meetings by date, notes by kind,
people) starting a new page, every item's printed address, and a page count that grows with
the memory. The memory is written here (inline); --memory prints another one too.

Usage: check_print.py --commonplace BIN --work DIR [--memory DIR] [--chromium BIN]
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

MEMORY = {
    "commonplace.yaml": "title: Print memory\ndescription: A memory to print.\nbase_url: https://example.org/pm/\n"
                        "rights: CC BY 4.0\n",
    "domains/wards.md": "---\ntitle: Wards domain\nphase: maturing\nconveners: [ada]\n---\nWhat happens on the wards.\n",
    "domains/homes.md": "---\ntitle: Homes domain\n---\nCare at home.\n",
    "people/ada.md": "---\nname: Ada Printer\norganisation: Northbridge\n---\nAda keeps the memory.\n",
    "meetings/2016-01-14-first.md": "---\ntitle: First meeting\ndomains: [wards]\nattendees: [ada]\n"
                                    "decisions: [Print the memory]\n---\nWe met first.\n",
    "meetings/2016-03-10-second.md": "---\ntitle: Second meeting\ndomains: [homes]\n---\nWe met again.\n",
    "notes/a-lesson.md": "---\ntitle: A printed lesson\nkind: lesson\ndate: 2016-02-01\ndomains: [wards]\n---\n"
                         "See [[2016-01-14-first]].\n",
    "notes/a-tip.md": "---\ntitle: A printed tip\nkind: tip\ndate: 2016-02-02\n---\n" + "A long tip. " * 400 + "\n",
}


def fail(message):
    print("check_print: " + message, file=sys.stderr)
    sys.exit(1)


def to_pdf(chromium, html, pdf):
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-pdf-header-footer",
                    "--print-to-pdf=" + pdf, "file://" + os.path.abspath(html)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True, text=True).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


def page_of(pages, words, start=0):
    """The first page from `start` on whose text holds `words`, or -1."""
    for i in range(start, len(pages)):
        if words in " ".join(pages[i].split()):
            return i
    return -1


def check_inline(a):
    # Outside any git working tree: a memory inside an ignored build folder would be read as
    # git sees it, every file ignored.
    memory = tempfile.mkdtemp(prefix="cp-print-memory-")
    for path, text in MEMORY.items():
        os.makedirs(os.path.dirname(os.path.join(memory, path)), exist_ok=True)
        with open(os.path.join(memory, path), "w", encoding="utf-8") as f:
            f.write(text)
    site = os.path.join(a.work, "site")
    try:
        subprocess.run([a.commonplace, "build", memory, "-o", site, "--quiet"], check=True)
    finally:
        shutil.rmtree(memory)
    pages = to_pdf(a.chromium, os.path.join(site, "print", "index.html"), os.path.join(a.work, "print.pdf"))
    flat = [" ".join(p.split()) for p in pages]
    # Title page alone: the title, its address and the colophon, nothing of the contents.
    if "Print memory" not in flat[0] or "https://example.org/pm/print/" not in flat[0]:
        fail("page 1 is not the title page: %r" % flat[0][:300])
    for element in ("Title", "Creator", "Rights CC BY 4.0", "Language en"):
        if element not in flat[0]:
            fail("the title page's colophon has no %r" % element)
    if "Contents" in flat[0]:
        fail("the contents share the title page")
    if not flat[1].startswith("Contents"):
        fail("page 2 is not the contents: %r" % flat[1][:200])
    starts = {}
    for part in ("Domains", "Meetings by date", "Notes by kind", "People"):
        i = next((k for k in range(2, len(flat)) if flat[k].startswith(part)), -1)
        if i < 0:
            fail("no page starts with the part %r" % part)
        starts[part] = i
    order = [starts[p] for p in ("Domains", "Meetings by date", "Notes by kind", "People")]
    if order != sorted(order) or len(set(order)) != 4:
        fail("the parts are not on pages of their own, in order: %r" % starts)
    for text, part in (("Wards domain", "Domains"), ("First meeting", "Meetings by date"),
                       ("A printed lesson", "Notes by kind"), ("Ada Printer", "People")):
        parts = ["Domains", "Meetings by date", "Notes by kind", "People"]
        after = parts.index(part) + 1
        end = starts[parts[after]] if after < len(parts) else len(pages)
        at = page_of(pages, text, starts[part])
        if at < 0 or at >= end:
            fail("%r is not in %s" % (text, part))
    if page_of(pages, "First meeting") > page_of(pages, "Second meeting"):
        fail("meetings are not by date")
    for address in ("https://example.org/pm/meetings/2016-01-14-first/", "https://example.org/pm/notes/a-tip/",
                    "https://example.org/pm/people/ada/"):
        if page_of(pages, address) < 0:
            fail("the address %s is not printed" % address)
    # 2 front pages, 4 parts, and the long tip runs over a page: at least 7.
    if len(pages) < 7 or len(pages) > 12:
        fail("%d pages: expected 7 to 12" % len(pages))
    # One domain's print holds only that domain.
    one = to_pdf(a.chromium, os.path.join(site, "print", "wards", "index.html"), os.path.join(a.work, "wards.pdf"))
    if page_of(one, "First meeting") < 0 or page_of(one, "Second meeting") >= 0:
        fail("/print/wards/ does not hold just the Wards domain")
    print("check_print: /print/ printed to %d pages, /print/wards/ to %d" % (len(pages), len(one)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--commonplace", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--memory")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    a = ap.parse_args()
    if os.path.isdir(a.work):
        shutil.rmtree(a.work)
    os.makedirs(a.work)
    check_inline(a)
    if a.memory:
        site = os.path.join(a.work, "example")
        subprocess.run([a.commonplace, "build", a.memory, "-o", site, "--quiet"], check=True)
        pages = to_pdf(a.chromium, os.path.join(site, "print", "index.html"), os.path.join(a.work, "example.pdf"))
        if len(pages) < 10:
            fail("the example memory printed to only %d pages" % len(pages))
        print("check_print: %s printed to %d pages" % (a.memory, len(pages)))


if __name__ == "__main__":
    main()
