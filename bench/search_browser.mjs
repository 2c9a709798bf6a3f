// The browser half of bench/search_vs_pagefind: runs search queries in headless Chromium,
// each in a new browser context (an empty cache), and reports every response it loaded.
//
//   node bench/search_browser.mjs RUNS.json
//
// RUNS.json: {"base": "http://127.0.0.1:PORT", "timeout": 120000,
//             "runs": [{"engine": "commonplace"|"pagefind", "path": "/search/?q=...", "expect": "/notes/x/"|null}, ...]}
// Prints one JSON object to stdout: {"chromium": VERSION, "runs": [{engine, path, first, firstTitle, count,
// ms, responses: [{url, status, failed, body, headers}]}]}, where body is the response's body
// as it came over the wire (Playwright's request.sizes().responseBodySize, which Chromium takes
// from the network layer: the encoded size, so a compressed response counts compressed) and
// headers its response headers' bytes. Requests from the page's web workers (Pagefind searches in
// one) are counted too.
//
// The Commonplace page is the site's own /search/?q=QUERY (search.js reads q from the URL and
// runs the query once the manifest is in); it is done when the first result is on the page, or
// the status says there is none. The Pagefind page is bench/search_vs_pagefind's test page,
// which sets body[data-done] once pagefind.search(q) and the first ten results' data() are in.
// Either way the run then waits until no request has been in flight for 500 ms.
//
// Needs playwright-core (npm install in tests/e2e) and /usr/bin/chromium (no browser download).

import { createRequire } from 'module';
import { readFileSync } from 'node:fs';

const require = createRequire(new URL('../tests/e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const timeout = config.timeout || 120000;
const QUIET_MS = 500;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync'],
});

async function runOne(run) {
  const context = await browser.newContext(); // a fresh context: an empty HTTP cache
  const page = await context.newPage();
  const pending = new Set();
  const responses = [];
  let last = Date.now();
  const finished = [];
  context.on('request', (req) => { pending.add(req); last = Date.now(); });
  const done = (req, failed) => {
    pending.delete(req);
    last = Date.now();
    finished.push((async () => {
      const resp = failed ? null : await req.response();
      let sizes = { responseBodySize: 0, responseHeadersSize: 0 };
      try { sizes = await req.sizes(); } catch { /* a failed request has none */ }
      responses.push({
        url: req.url(), status: resp ? resp.status() : 0, failed: !!failed,
        body: sizes.responseBodySize, headers: sizes.responseHeadersSize,
      });
    })());
  };
  context.on('requestfinished', (req) => done(req, false));
  context.on('requestfailed', (req) => done(req, true));

  const started = Date.now();
  await page.goto(config.base + run.path, { waitUntil: 'load', timeout });
  if (run.engine === 'commonplace') {
    await page.waitForFunction(() => document.querySelector('#search-results .search-result') ||
      (document.querySelector('#search-results .search-status') && !document.querySelector('#search-results .search-list')),
    null, { timeout });
  } else {
    await page.waitForFunction(() => document.body.dataset.done !== undefined, null, { timeout });
  }
  const shown = Date.now() - started;
  while (pending.size || Date.now() - last < QUIET_MS) await new Promise((r) => setTimeout(r, 50));
  await Promise.all(finished);

  let first = null, firstTitle = null, count = null, error = null;
  if (run.engine === 'commonplace') {
    ({ first, firstTitle, count } = await page.evaluate(() => {
      const a = document.querySelector('#search-results .search-result a.search-title');
      const status = document.querySelector('#search-results .search-status');
      return { first: a ? new URL(a.href).pathname : null, firstTitle: a ? a.textContent : null,
        count: status ? status.textContent : null };
    }));
  } else {
    ({ first, firstTitle, count, error } = await page.evaluate(() => ({
      first: document.body.dataset.first || null, firstTitle: document.body.dataset.title || null,
      count: document.body.dataset.done, error: document.body.dataset.error || null })));
  }
  await context.close();
  return { ...run, first, firstTitle, count, error, ms: shown, responses };
}

const out = { chromium: browser.version(), runs: [] };
try {
  for (const run of config.runs) out.runs.push(await runOne(run));
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(out) + '\n');
