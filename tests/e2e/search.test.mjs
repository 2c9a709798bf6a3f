// End-to-end test of /search/ in headless Chromium.
//
//   node tests/e2e/search.test.mjs SITE_DIR QUERY EXPECTED_URL [CASE EXPECTED_URL]...
//
// SITE_DIR is a built site (its search page at SITE_DIR/search/index.html). The test
// serves it with `python3 -m http.server` on 127.0.0.1, types QUERY into the search box
// and expects EXPECTED_URL (site-absolute, e.g. /notes/night-handover/) as the first
// result; checks the query is kept in the URL, that ArrowDown then Enter opens the
// result, that the same query works from file:// and that the page without JavaScript
// links to the indexes. Each further CASE is a query string ("?q=compost&type=meeting")
// the page is opened with, whose first result must be the EXPECTED_URL after it.
// Needs playwright-core (npm install in tests/e2e) and /usr/bin/chromium.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort, launchChromium } from './harness.mjs';

const [siteArg, query, expected, ...rest] = process.argv.slice(2);
if (!siteArg || !query || !expected || rest.length % 2) {
  console.error('usage: node search.test.mjs SITE_DIR QUERY EXPECTED_URL [CASE EXPECTED_URL]...');
  process.exit(2);
}
const site = path.resolve(siteArg);
const cases = [];
for (let i = 0; i < rest.length; i += 2) cases.push([rest[i], rest[i + 1]]);

let server;
let browser;
let base;

async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the HTTP server did not start: ' + url);
}

before(async () => {
  const port = await freePort();
  server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', site],
    { stdio: 'ignore' });
  base = `http://127.0.0.1:${port}`;
  await waitForServer(base + '/search/');
  browser = await launchChromium();
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill();
});

// The path of the first result once it equals `want` (its href resolved against the
// page), or a failure listing what was shown instead.
async function firstResult(page, want) {
  try {
    await page.waitForFunction((w) => {
      const a = document.querySelector('#search-results .search-result a');
      return a && new URL(a.href).pathname.replace(/index\.html$/, '').endsWith(w);
    }, want, { timeout: 10000 });
  } catch {
    const shown = await page.$$eval('#search-results .search-result a', (as) => as.map((a) => a.href));
    const status = await page.textContent('#search-results').catch(() => '');
    assert.fail(`expected ${want} first; results: ${JSON.stringify(shown)}; page says: ${status.slice(0, 200)}`);
  }
  return page.$eval('#search-results .search-result a', (a) => a.href);
}

test('typing a query shows the expected first result, kept in the URL', async () => {
  const page = await browser.newPage();
  const bytes = new Map();
  page.on('response', async (r) => {
    try { bytes.set(new URL(r.url()).pathname, (await r.body()).length); } catch { /* redirects */ }
  });
  await page.goto(base + '/search/');
  await page.locator('#search-input').pressSequentially(query, { delay: 40 });
  // The query reaches the URL after the debounce; on a loaded machine the first result of
  // a prefix can show before the last keystroke's search has run, so wait for the URL.
  await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, query, { timeout: 15000 });
  await firstResult(page, expected);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('q'), query);
  assert.ok(await page.locator('#search-results .search-snippet mark, #search-results .search-title mark').count() > 0,
    'matched words are highlighted');
  const fetched = [...bytes].filter(([p]) => p.includes('/search/') && p.endsWith('.js') || p.endsWith('search.js'));
  console.log(`# "${query}": ${fetched.length} files, ${fetched.reduce((n, [, b]) => n + b, 0)} bytes ` +
    '(script, manifest, shards and doc chunks, every keystroke included)');

  // Keyboard: ArrowDown moves to the first result, Enter opens it.
  await page.locator('#search-input').press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('search-title')), true);
  await Promise.all([page.waitForURL((u) => u.pathname.endsWith(expected)), page.keyboard.press('Enter')]);
  await page.close();
});

test('a shared result URL shows the same results, filters included', async () => {
  const manifest = readFileSync(path.join(site, 'search', 'manifest.js'), 'utf8');
  const shardCount = JSON.parse(manifest.slice(manifest.indexOf('(') + 1, manifest.lastIndexOf(')'))).shards.length;
  for (const [params, want] of [['?q=' + encodeURIComponent(query), expected], ...cases]) {
    const page = await browser.newPage();
    await page.goto(base + '/search/' + params);
    await firstResult(page, want);
    const loaded = await page.evaluate(() => window.cpSearch.loaded());
    const shards = loaded.filter((k) => k.startsWith('shards/')).length;
    if (shardCount > 4) assert.ok(shards < shardCount / 2, `${params} loaded ${shards} of ${shardCount} shards`);
    const url = new URL(base + '/search/' + params);
    for (const [key, id] of [['type', '#search-type'], ['domain', '#search-domain']]) {
      if (url.searchParams.has(key)) assert.equal(await page.inputValue(id), url.searchParams.get(key));
    }
    await page.close();
  }
});

test('search works from file://', async () => {
  const page = await browser.newPage();
  const file = pathToFileURL(path.join(site, 'search', 'index.html')).href;
  await page.goto(file + '?q=' + encodeURIComponent(query));
  const href = await firstResult(page, expected);
  assert.ok(href.startsWith('file://') && href.endsWith('/index.html'), href);
  await page.close();
});

test('without JavaScript the page says so and links to the indexes', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(base + '/search/');
  const links = await page.locator('noscript a').count();
  assert.ok(links > 0, 'the <noscript> message links somewhere');
  await context.close();
});
