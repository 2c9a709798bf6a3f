// A newcomer's ways into the example memory, clicked through in headless Chromium.
//
//   node tests/tools/newcomer.mjs COMMONPLACE_BINARY MEMORY_DIR
//
// Builds MEMORY_DIR into a temporary folder and serves it under a sub-path,
// http://127.0.0.1:PORT/site/, as a project site would be (links ending in "/" need
// a server that answers with index.html). From the home page, with real clicks on visible links and
// counting them, it reaches: each domain's definition (1 click), that domain's latest
// meeting (2), a person who knows about a practice listed under "Who knows what" (2),
// and the open actions (1); none may take more than three. Then it filters the
// timeline in place with its select boxes. Needs playwright-core (npm install in
// tests/e2e) and the system's /usr/bin/chromium.
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', 'e2e', 'package.json'));
const { chromium } = require('playwright-core');

const [binary, memory] = process.argv.slice(2);
if (!binary || !memory) {
  console.error('usage: node newcomer.mjs COMMONPLACE_BINARY MEMORY_DIR');
  process.exit(2);
}
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cp-newcomer-'));
const site = path.join(tmp, 'site');
const built = spawnSync(binary, ['build', memory, '-o', site, '-q'], { encoding: 'utf8' });
if (built.status !== 0) {
  console.error(built.stderr);
  process.exit(1);
}
const port = await new Promise((resolve, reject) => {
  const s = net.createServer();
  s.on('error', reject);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', tmp],
                     { stdio: 'ignore' });
const base = `http://127.0.0.1:${port}/site/`;
for (let i = 0; ; i++) {
  try { if ((await fetch(base)).ok) break; } catch { /* not listening yet */ }
  if (i > 100) throw new Error('the HTTP server did not start');
  await new Promise((r) => setTimeout(r, 100));
}
const home = base;
const failures = [];
const report = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

const browser = await chromium.launch({ executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined });
try {
  const page = await browser.newPage();
  let clicks = 0;
  const start = async () => { await page.goto(home); clicks = 0; };
  // Clicks the first visible link (inside `scope`, a CSS selector) whose text is `text`.
  const click = async (scope, text) => {
    const link = page.locator(`${scope} a`, { hasText: text }).first();
    await link.click();
    await page.waitForLoadState('domcontentloaded');
    clicks++;
  };
  const h1 = async () => (await page.locator('main h1').first().innerText()).trim();

  await start();
  const domains = await page.locator('.home-domains .card h3 a').allInnerTexts();
  report(domains.length > 0, `the home page lists ${domains.length} domains`);
  for (const name of domains) {
    await start();
    await click('.home-domains', name);
    const definition = (await page.locator('main .prose').first().innerText()).trim();
    report((await h1()) === name && definition.length > 40 && clicks <= 3,
           `"${name}": its definition in ${clicks} click(s)`);
    const listed = await page.locator('#meetings li a').allInnerTexts();
    if (listed.length === 0) continue;
    const dates = await page.locator('#meetings li .muted').allInnerTexts();
    const times = dates.map((d) => Date.parse(d));
    report(times.every((t, i) => !Number.isNaN(t) && (i === 0 || times[i - 1] >= t)),
           `"${name}": its ${listed.length} meetings are listed newest first`);
    await click('.facts', listed[0]);
    report((await h1()) === listed[0] && clicks <= 3,
           `"${name}": its latest meeting "${listed[0]}" (${dates[0]}) in ${clicks} click(s)`);
  }

  await start();
  await click('.home-side', 'Who knows what');
  const areas = await page.locator('.who-knows dt').allInnerTexts();
  report(areas.length > 0, `"Who knows what" lists ${areas.length} practices and areas`);
  for (const area of areas.slice(0, 3)) {
    await start();
    await click('.home-side', 'Who knows what');
    const row = page.locator('.who-knows div', { has: page.locator('dt', { hasText: area }) }).first();
    const person = (await row.locator('dd a').first().innerText()).trim();
    await row.locator('dd a').first().click();
    await page.waitForLoadState('domcontentloaded');
    clicks++;
    const knows = await page.locator('.expertise li').allInnerTexts();
    report((await h1()) === person && knows.includes(area) && clicks <= 3,
           `who knows about "${area}": ${person}, in ${clicks} click(s)`);
  }

  await start();
  await click('.home-side', 'Open actions');
  const open = await page.locator('#by-owner li.action-item').count();
  report((await h1()) === 'Open actions' && open > 0 && clicks <= 3,
         `the open actions (${open} listed by owner) in ${clicks} click(s)`);

  // The timeline filters in place; without JavaScript its links do the same.
  await page.goto(base + 'timeline/');
  const all = await page.locator('li.timeline-item').count();
  await page.selectOption('.timeline-js-filter select[name=type]', 'meeting');
  const meetings = await page.locator('li.timeline-item:visible').count();
  const wrong = await page.locator('li.timeline-item:visible:not([data-type=meeting])').count();
  report(meetings > 0 && meetings < all && wrong === 0, `the timeline filters to ${meetings} of ${all} entries: meetings only`);
  await page.selectOption('.timeline-js-filter select[name=type]', '');
  await page.selectOption('.timeline-js-filter select[name=domain]', { index: 1 });
  const inDomain = await page.locator('li.timeline-item:visible').count();
  report(inDomain > 0 && inDomain < all, `and to ${inDomain} entries of one domain`);
} finally {
  await browser.close();
  server.kill();
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`newcomer: ${failures.length} failure(s)`);
process.exit(failures.length ? 1 : 0);
