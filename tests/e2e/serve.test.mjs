// End-to-end test of `commonplace serve`'s live preview in headless Chromium.
//
//   node tests/e2e/serve.test.mjs COMMONPLACE_BINARY SOURCE_DIR
//
// Serves a copy of SOURCE_DIR/content-example, opens pages and saves files, as a reporter
// does. After a save, a page without scripts of its own gets the new page's body put in
// place (the window is the same one, the scroll is kept), and what it then shows equals the
// same page opened afresh; a page with a script of its own (the timeline) is reloaded; a page
// whose note is deleted is reloaded into the 404 page.
// Needs playwright-core (npm ci in tests/e2e) and /usr/bin/chromium.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, launchChromium } from './harness.mjs';

const [binary, sourceDir] = process.argv.slice(2);
if (!binary || !sourceDir) {
  console.error('usage: node serve.test.mjs COMMONPLACE_BINARY SOURCE_DIR');
  process.exit(2);
}

const memory = mkdtempSync(path.join(os.tmpdir(), 'cp-serve-e2e-'));
const note = path.join(memory, 'notes/practices/sbar-handover-card.md');
const notePage = '/notes/sbar-handover-card/';
let server;
let browser;
let base;

before(async () => {
  cpSync(path.join(sourceDir, 'content-example'), memory, { recursive: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(binary, ['serve', memory, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  server.stderr.on('data', () => {});  // the example's warnings
  await new Promise((resolve, reject) => {
    let said = '';
    server.stdout.on('data', (chunk) => {
      said += chunk.toString();
      if (said.includes('Serving')) resolve();
    });
    server.on('exit', (code) => reject(new Error(`serve stopped (${code}): ${said}`)));
  });
  browser = await launchChromium();
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill('SIGINT');
  rmSync(memory, { recursive: true, force: true });
});

// Opens `address` and waits until its reload script has asked for the build number once.
async function open(address, viewport = { width: 1280, height: 700 }) {
  const page = await browser.newPage({ viewport });
  const asked = page.waitForResponse((r) => r.url().includes('/__commonplace/version'));
  const response = await page.goto(base + address);
  assert.equal(response.status(), 200, `${address} is served`);
  await asked;
  // A mark on the window: a swap keeps it, a reload loses it.
  await page.evaluate(() => { window.commonplaceTestMark = true; });
  return page;
}

function waitForWords(page, words) {
  return page.waitForFunction((w) => document.body && document.body.innerText.includes(w), words,
                              { timeout: 60000, polling: 'raf' });
}

async function shownFresh(address) {
  const fresh = await browser.newPage({ viewport: { width: 1280, height: 700 } });
  await fresh.goto(base + address);
  const result = await shown(fresh);
  await fresh.close();
  return result;
}

// What a page shows: its title, the <html> attributes, the head's metadata and the body.
function shown(page) {
  return page.evaluate(() => ({
    title: document.title,
    lang: document.documentElement.getAttribute('lang'),
    meta: Array.from(document.head.querySelectorAll('meta, link')).map((e) => e.outerHTML).sort(),
    body: document.body.outerHTML,
  }));
}

test('a saved paragraph is put in place: the same window, the scroll kept, what a fresh page shows', async () => {
  const page = await open(notePage);
  await page.evaluate(() => window.scrollTo(0, 400));
  const scrolled = await page.evaluate(() => window.scrollY);
  assert.ok(scrolled > 0, 'the note is longer than the window');
  let reloads = 0;
  page.on('domcontentloaded', () => { reloads++; });
  const asked = [];  // what the page asks the server for from now on
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  const original = readFileSync(note, 'utf8');
  writeFileSync(note, original.replace('\n\nThe SBAR handover card is',
                                       '\n\nSwappedParagraphMarker was saved while serve ran.\n\nThe SBAR handover card is'));
  await waitForWords(page, 'SwappedParagraphMarker');
  assert.equal(reloads, 0, 'the page was not reloaded');
  assert.equal(await page.evaluate(() => window.commonplaceTestMark), true, 'the same window');
  assert.equal(await page.evaluate(() => window.scrollY), scrolled, 'the scroll is kept');
  assert.ok(asked.includes(notePage), 'the page itself was fetched again');
  assert.deepEqual(asked.filter((p) => p.endsWith('.css')), [], 'the stylesheet was not asked for again');
  assert.deepEqual(await shown(page), await shownFresh(notePage), 'the page shows what the page opened afresh shows');

  // A second save to the same page: the script goes on waiting after a swap.
  writeFileSync(note, readFileSync(note, 'utf8').replace('title: The SBAR handover card', 'title: The SecondSaveMarker card'));
  await waitForWords(page, 'SecondSaveMarker');
  assert.equal(reloads, 0, 'the second save was put in place too');
  assert.match(await page.title(), /SecondSaveMarker/, 'the tab shows the new title');
  await page.close();
});

test('a page with a script of its own is reloaded, and then shows the change', async () => {
  const page = await open('/timeline/');
  assert.ok(await page.evaluate(() => document.querySelector('script[src*="timeline.js"]') !== null),
            'the timeline has its filter script');
  writeFileSync(note, readFileSync(note, 'utf8').replace(/^title: .*$/m, 'title: TimelineReloadMarker card'));
  await waitForWords(page, 'TimelineReloadMarker');
  assert.equal(await page.evaluate(() => window.commonplaceTestMark), undefined, 'the page was reloaded');
  await page.close();
});

test('a page whose note is deleted is reloaded into the 404 page', async () => {
  // A note of its own, which no other page links to.
  const added = path.join(memory, 'notes/stories/serve-test-added-note.md');
  writeFileSync(added, '---\ntitle: AddedNoteMarker\nkind: story\ndate: 2016-06-03\n---\nA story saved while serve ran.\n');
  for (let i = 0; (await fetch(base + '/notes/serve-test-added-note/')).status !== 200; i++) {
    assert.ok(i < 600, 'the added note is served');
    await new Promise((r) => setTimeout(r, 100));
  }
  const page = await open('/notes/serve-test-added-note/');
  unlinkSync(added);
  await page.waitForFunction(() => window.commonplaceTestMark === undefined && document.readyState === 'complete',
                             null, { timeout: 60000 });
  const response = await page.request.get(base + '/notes/serve-test-added-note/');
  assert.equal(response.status(), 404);
  assert.deepEqual(await shown(page), await shownFresh('/notes/serve-test-added-note/'),
                   'the 404 page, as a page opened afresh shows it');
  await page.close();
});
