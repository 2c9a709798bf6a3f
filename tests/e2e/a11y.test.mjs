// Accessibility and no-JavaScript test of every page type, in one headless Chromium session.
//
//   node tests/e2e/a11y.test.mjs COMMONPLACE_BINARY SOURCE_DIR [--only SUBSTRING] [--all]
//
// Builds SOURCE_DIR/content-example (for members and for the public) and a generated memory big
// enough for the timeline to split into year pages, serves them over http on 127.0.0.1 (each
// built for the address it is served at) and visits one page of every
// type (home, domain, meeting, note, person, free page, each index, a tag, the timelines,
// stats, search, actions, agenda, changes, feedback, value, digests, a digest and its e-mail,
// print, a versions page, the 404 page; search with results, the public site's home). On each page:
//
// - JavaScript on, 1280 px, light: axe-core (every rule; serious and critical violations
//   fail; what <noscript> holds is put in the page first, so it is checked too), then the same
//   page in dark mode with axe-core's color-contrast rule; a keyboard walk with real Tab presses
//   from the top: the first stop is a visible skip link, then header, navigation, main and
//   footer in that order to the end of the page (40 stops, then on from the last focusable of
//   main, so long pages reach the footer too), no stop outside a landmark, and no keyboard
//   trap; Enter on the skip link moves focus to <main> and the next Tab lands in main; every
//   focusable element (the walk's stops, then each one focused in turn) shows a focus
//   indicator on screen: its outline or box-shadow differs from the unfocused state, and an
//   outline contrasts 3:1 with what is behind it;
// - JavaScript on, 390 px, dark: the skip link is the first stop and visible; every focusable
//   element shows its focus indicator, and none sits above the one before it in DOM order
//   (the visual order is the reading order; CSS columns excepted);
// - JavaScript off: the main heading, every navigation and footer link, and every link and
//   list item of main are there and visible (or inside a closed <details>); main's text is as
//   long as with JavaScript; on /search/ the how-to-search text is shown with links to the
//   domains, tags, people and timeline, and no control that needs JavaScript is shown;
//   on /stats/ every chart has its table.
//
// Every failure names the page, the check (or axe rule) and the elements; the exit status is 1
// when there is any. --only runs the pages whose name or path contains SUBSTRING; --all also
// prints axe-core's moderate and minor findings, without failing on them.
// Needs playwright-core and axe-core (npm ci in tests/e2e) and /usr/bin/chromium.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { freePort, launchChromium } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, 'package.json'));
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args.splice(onlyAt, 2)[1] : null;
const allAt = args.indexOf('--all');  // also print (without failing) axe's moderate and minor findings
const all = allAt >= 0 && args.splice(allAt, 1).length > 0;
const [binary, sourceDir] = args;
if (!binary || !sourceDir) {
  console.error('usage: node a11y.test.mjs COMMONPLACE_BINARY SOURCE_DIR [--only SUBSTRING]');
  process.exit(2);
}
const started = Date.now();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cp-a11y-'));
const MAX_STOPS = 40;
const CONCURRENT = Number(process.env.A11Y_CONCURRENT || 3);  // pages checked at once, each in its own tab  // Tab stops walked from the top before jumping to the end of main

function run(cmd, argv) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`${cmd} ${argv.join(' ')} failed:\n${r.stdout}${r.stderr}`);
    process.exit(1);
  }
}

// --- the sites, built for the address they are served at (the 404 page links absolutely) ---
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
run(binary, ['build', path.join(sourceDir, 'content-example'), '-o', path.join(tmp, 'example'), '-q',
  '--base-url', `${base}/example/`]);
// The timeline becomes an index of years beyond 400 entries: a generated memory has them.
run('python3', [path.join(sourceDir, 'tests', 'tools', 'make_memory.py'), path.join(tmp, 'big-src'), '--notes', '450']);
run(binary, ['build', path.join(tmp, 'big-src'), '-o', path.join(tmp, 'big'), '-q', '--base-url', `${base}/big/`]);
// The public site's header carries a badge.
run(binary, ['build', path.join(sourceDir, 'content-example'), '-o', path.join(tmp, 'public'), '-q',
  '--audience', 'public', '--base-url', `${base}/public/`]);
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', tmp],
  { stdio: 'ignore' });
for (let i = 0; ; i++) {
  try { if ((await fetch(`${base}/example/`)).ok) break; } catch { /* not listening yet */ }
  if (i > 100) throw new Error('the HTTP server did not start');
  await new Promise((r) => setTimeout(r, 100));
}

const dirs = (site, sub) => {
  const d = path.join(tmp, site, sub);
  return existsSync(d) ? readdirSync(d).filter((n) => statSync(path.join(d, n)).isDirectory()).sort() : [];
};
const html = (site, p) => {
  const f = path.join(tmp, site, p.endsWith('/') ? p + 'index.html' : p);
  return existsSync(f) ? readFileSync(f, 'utf8') : null;
};
const pages = [];
const add = (name, site, p, opts = {}) => {
  if (p && html(site, p) !== null) pages.push({ name, site, path: p, ...opts });
  else if (!opts.optional) pages.push({ name, site, path: p, missing: true });
};
// A page of the site's own kind: the first folder under `sub` whose page is not a redirect.
const first = (site, sub, test = () => true) => {
  for (const d of dirs(site, sub)) {
    const p = `/${sub}/${d}/`;
    const h = html(site, p);
    if (h && !h.includes('http-equiv="refresh"') && test(h)) return p;
  }
  return null;
};
add('home', 'example', '/');
add('domain', 'example', first('example', 'domains'));
add('meeting', 'example', first('example', 'meetings', (h) => h.includes('class="meeting-grid"') &&
  h.includes('class="actions"')));
add('meeting with a recording', 'example', first('example', 'meetings', (h) => h.includes('<figure class="media')));
add('note', 'example', first('example', 'notes'));
add('person', 'example', first('example', 'people'));
add('free page', 'example', existsSync(path.join(tmp, 'example', 'about', 'index.html')) ? '/about/' :
  first('example', '.', (h) => h.includes('free-page')));
for (const index of ['domains', 'meetings', 'notes', 'people', 'tags']) add(`${index} index`, 'example', `/${index}/`);
add('tag page', 'example', first('example', 'tags'));
add('timeline', 'example', '/timeline/');
add('timeline of one type', 'example', first('example', 'timeline'));
add('timeline by years', 'big', '/timeline/');
add('timeline year page', 'big', first('big', 'timeline', (h) => /<h1>[^<]*\d{4}/.test(h)) ||
  `/timeline/${dirs('big', 'timeline').find((d) => /^\d{4}$/.test(d))}/`);
for (const index of ['stats', 'search', 'actions', 'agenda', 'changes', 'feedback', 'value']) add(index, 'example', `/${index}/`);
add('digests', 'example', '/digest/');
const digest = first('example', 'digest');
add('digest', 'example', digest);
// The e-mail is a document for mail programs, laid out in tables: no skip link, no landmarks.
add('digest e-mail', 'example', digest && digest + 'email.html', { email: true });
add('print', 'example', '/print/', { standalone: true });
add('print of a domain', 'example', first('example', 'print'), { standalone: true });
const versioned = dirs('example', 'notes').find((d) => html('example', `/notes/${d}/versions/`));
add('versions', 'example', versioned && `/notes/${versioned}/versions/`);
add('404', 'example', '/404.html');
add('search with results', 'example', '/search/', { query: '?q=handover', wait: '#search-results .search-result a' });
add('home of the public site', 'public', '/');
const selected = only ? pages.filter((p) => p.name.includes(only) || (p.path || '').includes(only)) : pages;

const failures = [];
const where = (page) => `${page.path}${page.query || ''} (${page.name})`;
let checks = 0;
const fail = (page, what, detail) => {
  const line = `FAIL ${where(page)} ${what}${detail ? ': ' + detail : ''}`;
  failures.push(line);
  console.log(line);
};
const check = (page, ok, what, detail) => { checks++; if (!ok) fail(page, what, detail); return ok; };


// --- in-page helpers, installed into every page (JavaScript on) before its own scripts ---
const pageHelpers = () => {
  const FOCUSABLE = 'a[href], area[href], button, input, select, textarea, summary, iframe, audio[controls], ' +
    'video[controls], [tabindex], [contenteditable=""], [contenteditable=true]';
  const ids = new WeakMap();
  let nextId = 1;
  const idOf = (el) => { if (!ids.has(el)) ids.set(el, nextId++); return ids.get(el); };
  const describe = (el) => {
    if (!el || el === document.body) return 'body';
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    if (typeof el.className === 'string' && el.className.trim()) s += '.' + el.className.trim().split(/\s+/).join('.');
    const text = (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().replace(/\s+/g, ' ');
    return text ? `${s} "${text.slice(0, 40)}"` : s;
  };
  const rgba = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const luminance = ({ r, g, b }) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  // The colour behind an element: its ancestors' backgrounds blended down to the canvas.
  const behind = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    const darkCanvas = matchMedia('(prefers-color-scheme: dark)').matches &&
      getComputedStyle(document.documentElement).colorScheme.includes('dark');
    let out = darkCanvas ? { r: 18, g: 18, b: 18 } : { r: 255, g: 255, b: 255 };
    for (const c of layers.reverse()) {
      out = { r: c.r * c.a + out.r * (1 - c.a), g: c.g * c.a + out.g * (1 - c.a), b: c.b * c.a + out.b * (1 - c.a) };
    }
    return out;
  };
  const contrast = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const region = (el) => {
    if (el.matches('a.skip')) return 'skip';
    if (el.closest('main, [role=main]')) return 'main';
    if (el.closest('body > header, header.site-header, [role=banner]')) return 'header';
    if (el.closest('body > footer, footer.site-footer, [role=contentinfo]')) return 'footer';
    if (el.closest('body > nav, nav:not(main nav)')) return 'nav';
    return 'outside';
  };
  const multicol = (el) => {
    for (let e = el.parentElement; e; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.columnCount !== 'auto' || cs.columnWidth !== 'auto') return e;
    }
    return null;
  };
  const style = (el) => {
    const cs = getComputedStyle(el);
    return { outlineStyle: cs.outlineStyle, outlineWidth: cs.outlineWidth, outlineColor: cs.outlineColor,
      boxShadow: cs.boxShadow };
  };
  const a11y = {
    stops: [],
    outAt: null,
    sweeping: false,
    baseline: new Map(),
    describe,
    takeBaseline() {
      for (const el of document.querySelectorAll(FOCUSABLE)) this.baseline.set(el, style(el));
    },
    focusables(root) {
      return [...root.querySelectorAll(FOCUSABLE)].filter((el) => el.tabIndex >= 0 && !el.disabled &&
        el.checkVisibility({ visibilityProperty: true }) && !el.closest('details:not([open]) > :not(summary)'));
    },
    record(el) {
      const s = style(el);
      const b = this.baseline.get(el);
      const rect = el.getBoundingClientRect();
      const outlined = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1 && (rgba(s.outlineColor)?.a ?? 0) > 0;
      const shadowed = s.boxShadow !== 'none';
      const changed = !b || s.outlineStyle !== b.outlineStyle || s.outlineWidth !== b.outlineWidth ||
        s.outlineColor !== b.outlineColor || s.boxShadow !== b.boxShadow;
      const mc = multicol(el);
      return {
        id: idOf(el),
        desc: describe(el),
        isMain: el.matches('main, [role=main]'),
        region: region(el),
        indicator: (outlined || shadowed) && changed,
        outlineContrast: outlined ? contrast(rgba(s.outlineColor), behind(el.parentElement || el)) : null,
        top: rect.top + scrollY,
        inViewport: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < innerHeight &&
          rect.right > 0 && rect.left < innerWidth,
        multicol: mc ? idOf(mc) : null,
      };
    },
    // Every focusable element in DOM order, focused by script: once a key has been pressed,
    // script focus shows :focus-visible as Tab does.
    sweep() {
      this.sweeping = true;
      const out = [];
      for (const el of this.focusables(document)) {
        el.focus();
        if (document.activeElement === el) out.push(this.record(el));
      }
      this.sweeping = false;
      return out;
    },
    // Focus the last focusable of main (the walk's jump over a long main).
    jumpToEndOfMain() {
      const main = document.querySelector('main, [role=main]');
      const inMain = main ? this.focusables(main) : [];
      const last = inMain[inMain.length - 1];
      const active = document.activeElement;
      if (!last || last === active || (active && !main.contains(active) &&
          (active.compareDocumentPosition(main) & Node.DOCUMENT_POSITION_PRECEDING))) return false;
      this.stops.push({ jump: true });
      last.focus();
      return true;
    },
  };
  window.__a11y = a11y;
  document.addEventListener('focusin', (e) => {
    if (!a11y.sweeping && e.target instanceof Element) a11y.stops.push(a11y.record(e.target));
  }, true);
  document.addEventListener('focusout', (e) => {
    if (!a11y.sweeping && e.relatedTarget === null && a11y.outAt === null) a11y.outAt = a11y.stops.length;
  }, true);
};

// --- the checks ---
async function axeRun(tab, options) {
  await tab.addScriptTag({ content: axeSource });
  return tab.evaluate(async (opts) => {
    const r = await window.axe.run(document, opts);
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ') +
        (n.any[0]?.data?.contrastRatio ? ` (${n.any[0].data.contrastRatio}:1)` : '')) }));
  }, options);
}
function reportAxe(page, scheme, violations) {
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (all) {
    for (const v of violations.filter((x) => !bad.includes(x))) {
      console.log(`note ${where(page)} axe [${scheme}] ${v.id} (${v.impact}): ${v.help}; ${v.nodes.slice(0, 4).join(', ')}`);
    }
  }
  for (const v of bad) {
    fail(page, `axe [${scheme}] ${v.id} (${v.impact})`, `${v.help}; ${v.nodes.length} element(s): ` +
      v.nodes.slice(0, 4).join(', ') + (v.nodes.length > 4 ? ', ...' : ''));
  }
  checks++;
}

// Presses Tab until focus leaves the page (or comes back round to where the walk began),
// walking at most MAX_STOPS stops from the top, then from the last focusable of main on
// (script focus keeps :focus-visible), so that the footer is reached on long pages too.
async function walk(tab) {
  await tab.evaluate(() => { window.__a11y.outAt = null; });
  let jumped = false;
  let ended = false;
  for (let pressed = 0; pressed < MAX_STOPS + 150 && !ended;) {
    for (let i = 0; i < 8; i++, pressed++) await tab.keyboard.press('Tab');
    const n = await tab.evaluate(() => {
      const a = window.__a11y;
      const firstId = a.stops.find((s) => !s.jump)?.id;
      const again = a.stops.findIndex((s, i) => i > 0 && s.id === firstId);
      if (again > 0 && (a.outAt === null || a.outAt > again)) a.outAt = again;
      return a.outAt === null ? a.stops.filter((s) => !s.jump).length : -1;
    });
    if (n < 0) ended = true;
    else if (!jumped && n >= MAX_STOPS) jumped = await tab.evaluate(() => window.__a11y.jumpToEndOfMain()) || true;
  }
  const stops = await tab.evaluate(() => window.__a11y.stops.slice(0, window.__a11y.outAt ?? undefined));
  return { stops, ended };
}

function problemsOf(stops, { visualOrder, landmarks }) {
  const p = { indicator: new Set(), contrast: new Set(), hidden: new Set(), outside: new Set(), order: [], visual: [] };
  const ranks = ['skip', 'header', 'nav', 'main', 'footer'];
  let prev = null;
  for (const s of stops) {
    if (s.jump) { prev = null; continue; }
    if (s.isMain) continue;  // main is focused by the skip link (tabindex=-1), never by Tab
    if (!s.indicator) p.indicator.add(s.desc);
    else if (s.outlineContrast !== null && s.outlineContrast < 3) p.contrast.add(`${s.desc} ${s.outlineContrast.toFixed(2)}:1`);
    if (!s.inViewport) p.hidden.add(s.desc);
    if (landmarks && s.region === 'outside') p.outside.add(s.desc);
    if (prev && landmarks && ranks.indexOf(s.region) < ranks.indexOf(prev.region) && s.region !== 'outside') {
      p.order.push(`${prev.desc} (${prev.region}) then ${s.desc} (${s.region})`);
    }
    if (prev && visualOrder && prev.region !== 'skip' && s.top < prev.top - 8 && !(s.multicol && s.multicol === prev.multicol)) {
      p.visual.push(`${prev.desc} then ${s.desc}, ${Math.round(prev.top - s.top)} px higher`);
    }
    prev = s;
  }
  return p;
}
const list = (xs) => { xs = [...xs]; return xs.slice(0, 5).join('; ') + (xs.length > 5 ? `; and ${xs.length - 5} more` : ''); };
function reportStops(page, label, walked, swept, opts) {
  const a = problemsOf(walked, opts);
  const b = problemsOf(swept, { ...opts, landmarks: opts.landmarks });
  const both = (k) => new Set([...a[k], ...b[k]]);
  check(page, !both('indicator').size, `keyboard [${label}]: no visible focus indicator (outline and box-shadow as when unfocused)`, list(both('indicator')));
  check(page, !both('contrast').size, `keyboard [${label}]: focus outline contrast below 3:1 against its background`, list(both('contrast')));
  check(page, !both('hidden').size, `keyboard [${label}]: focused element not on screen`, list(both('hidden')));
  if (opts.landmarks) {
    check(page, !both('outside').size, `keyboard [${label}]: Tab stop outside the header, navigation, main and footer landmarks`, list(both('outside')));
    check(page, !a.order.length, `keyboard [${label}]: Tab order leaves the reading order header, nav, main, footer`, list(a.order));
  }
  if (opts.visualOrder) check(page, !b.visual.length, `keyboard [${label}]: Tab moves up the screen (the visual order is not the DOM order)`, list(b.visual));
}

async function skipLink(page, tab, label) {
  await tab.keyboard.press('Tab');
  const first = await tab.evaluate(() => {
    const a = document.activeElement;
    const target = a?.hash && document.getElementById(decodeURIComponent(a.hash.slice(1)));
    return window.__a11y.stops[0] && { ...window.__a11y.stops[0], href: a.getAttribute('href'),
      target: target ? target.tagName : null };
  });
  if (!check(page, first && first.region === 'skip' && first.target === 'MAIN',
    `keyboard [${label}]: the first Tab stop is not a skip link to <main>`, first ? `${first.desc} href=${first.href}` : 'nothing focused')) return false;
  check(page, first.inViewport, `keyboard [${label}]: the focused skip link is not on screen`, first.desc);
  return true;
}

async function visitWithJs(page, context, phone) {
  const errors = [];
  const tab = await context.newPage();
  tab.on('pageerror', (e) => errors.push(String(e)));
  await tab.goto(`${base}/${page.site}${page.path}${page.query || ''}`, { waitUntil: 'load' });
  if (page.wait) await tab.waitForSelector(page.wait, { timeout: 15000 });
  await tab.evaluate(() => window.__a11y.takeBaseline());
  const facts = await tab.evaluate(() => {
    const main = document.querySelector('main') || document.body;
    const fromHtml = (el) => !el.closest('#search-results, script, noscript');
    return {
      h1: document.querySelector('h1')?.textContent.trim() ?? null,
      nav: [...document.querySelectorAll('header nav a[href], footer a[href]')].map((a) => a.getAttribute('href')),
      links: [...main.querySelectorAll('a[href]')].filter(fromHtml).length,
      items: [...main.querySelectorAll('li')].filter(fromHtml).length,
      text: main.innerText.length - [...main.querySelectorAll('#search-results')].reduce((n, e) => n + e.innerText.length, 0),
      charts: document.querySelectorAll('main svg.chart').length,
    };
  });
  const label = phone ? '390 dark' : '1280 light';
  const landmarks = !page.email;
  if (!phone) {
    // What only shows without JavaScript is checked too: each <noscript> is replaced by its content.
    await tab.evaluate(() => document.querySelectorAll('noscript').forEach((n) => {
      const div = document.createElement('div');
      div.innerHTML = n.textContent;
      n.replaceWith(div);
    }) || window.__a11y.takeBaseline());
    reportAxe(page, 'light', await axeRun(tab, { resultTypes: ['violations'] }));
    await tab.emulateMedia({ colorScheme: 'dark' });
    reportAxe(page, 'dark', await axeRun(tab, { runOnly: ['color-contrast'], resultTypes: ['violations'] }));
    await tab.emulateMedia({ colorScheme: 'light' });
    // From the top: the skip link, then every Tab stop to the end of the footer.
    const skip = landmarks && await skipLink(page, tab, label);
    const { stops, ended } = await walk(tab);
    check(page, ended, `keyboard [${label}]: Tab never leaves the page (a keyboard trap?)`, stops.at(-1)?.desc);
    const last = stops.filter((s) => !s.jump).at(-1);
    if (landmarks && !page.standalone) check(page, last && last.region === 'footer', `keyboard [${label}]: the last Tab stop is not in the footer`, last?.desc);
    // Enter on the skip link moves focus to main, and the next Tab lands in main.
    if (skip) {
      await tab.evaluate(() => document.querySelector('a.skip').focus());
      await tab.keyboard.press('Enter');
      const focused = await tab.evaluate(() => ({ main: !!document.activeElement?.matches('main'),
        desc: window.__a11y.describe(document.activeElement),
        hasFocusable: window.__a11y.focusables(document.querySelector('main')).length > 0 }));
      check(page, focused.main, `keyboard [${label}]: Enter on the skip link does not move focus to <main>`, `focus is on ${focused.desc}`);
      if (focused.main && focused.hasFocusable) {
        await tab.keyboard.press('Tab');
        const next = await tab.evaluate(() => window.__a11y.stops.at(-1));
        check(page, next && next.region === 'main', `keyboard [${label}]: the Tab after the skip link does not land in main`, next?.desc);
      }
    }
    reportStops(page, label, stops, await tab.evaluate(() => window.__a11y.sweep()), { visualOrder: false, landmarks });
  } else {
    // At phone width, in dark mode: the skip link shows, and every focusable element, focused
    // in DOM order, shows its focus and never sits above the one before it.
    if (landmarks) await skipLink(page, tab, label);
    reportStops(page, label, [], await tab.evaluate(() => window.__a11y.sweep()), { visualOrder: true, landmarks });
  }
  check(page, errors.length === 0, 'JavaScript error', errors.join('; '));
  await tab.close();
  return facts;
}

async function visitWithoutJs(page, context, facts) {
  const tab = await context.newPage();
  await tab.goto(`${base}/${page.site}${page.path}${page.query || ''}`, { waitUntil: 'load' });
  const seen = await tab.evaluate(() => {
    const visible = (el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) ||
      !!el.closest('details:not([open])');
    const main = document.querySelector('main') || document.body;
    const h1 = document.querySelector('h1');
    // A player's inner link is fallback content, shown only where the browser has no player; the
    // visible download link is in its caption.
    const hidden = (sel) => [...main.querySelectorAll(sel)].filter((el) => !visible(el) && !el.closest('noscript, audio, video'))
      .map((el) => (el.textContent || el.tagName).trim().replace(/\s+/g, ' ').slice(0, 40));
    const howTo = [...main.querySelectorAll('.search-nojs, noscript')].find((e) => visible(e) && e.innerText.trim());
    return {
      h1: h1 && visible(h1) ? h1.textContent.trim() : null,
      nav: [...document.querySelectorAll('header nav a[href], footer a[href]')].filter(visible).map((a) => a.getAttribute('href')),
      links: main.querySelectorAll('a[href]').length,
      items: main.querySelectorAll('li').length,
      hidden: [...hidden('a[href]'), ...hidden('li')],
      text: main.innerText.length,
      tables: [...document.querySelectorAll('main .chart-table table')].filter((t) => t.rows.length > 1).length,
      howTo: howTo ? { text: howTo.innerText, links: [...howTo.querySelectorAll('a[href]')].filter(visible).map((a) => new URL(a.href).pathname) } : null,
      jsControls: [...main.querySelectorAll('#search-input, #search-type, #search-domain')].filter(visible).map((e) => '#' + e.id),
    };
  });
  check(page, seen.h1 && seen.h1 === facts.h1, 'no JavaScript: the main heading is missing or differs', `saw ${JSON.stringify(seen.h1)}, with JavaScript ${JSON.stringify(facts.h1)}`);
  const missingNav = facts.nav.filter((h) => !seen.nav.includes(h));
  check(page, missingNav.length === 0 && (page.standalone || page.email || seen.nav.length > 0), 'no JavaScript: navigation or footer links missing or hidden', missingNav.join(', ') || 'no navigation at all');
  check(page, seen.links >= facts.links && seen.items >= facts.items, 'no JavaScript: main has fewer links or list items',
    `${seen.links} links and ${seen.items} items, with JavaScript ${facts.links} and ${facts.items}`);
  check(page, !seen.hidden.length, 'no JavaScript: links or list items of main are hidden', list(seen.hidden));
  check(page, seen.text >= facts.text * 0.9, 'no JavaScript: main shows less text', `${seen.text} characters, with JavaScript ${facts.text}`);
  if (page.name.startsWith('search')) {
    const wanted = ['domains', 'tags', 'people', 'timeline'].map((x) => `/${page.site}/${x}/`);
    const ok = seen.howTo && /search|find/i.test(seen.howTo.text) && wanted.every((w) => seen.howTo.links.some((l) => l === w || l === w + 'index.html'));
    check(page, ok, 'no JavaScript: /search/ does not say how to search, with visible links to the domains, tags, people and timeline',
      seen.howTo ? `${seen.howTo.text.slice(0, 120)} links: ${seen.howTo.links.join(' ')}` : 'no visible message');
    check(page, seen.jsControls.length === 0, 'no JavaScript: /search/ shows controls that only work with JavaScript', seen.jsControls.join(' '));
  }
  if (facts.charts) check(page, seen.tables === facts.charts, 'charts without a table of their numbers', `${facts.charts} charts, ${seen.tables} tables`);
  await tab.close();
}

// --- one browser, three contexts ---
const browser = await launchChromium();
try {
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  const noJs = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
  for (const c of [desktop, phone]) await c.addInitScript(pageHelpers);
  // A few pages at a time: most of the time goes in round trips between Node and Chromium.
  const queue = [...selected];
  const worker = async () => {
    for (let page; (page = queue.shift());) {
      const t0 = Date.now();
      if (page.missing) { fail(page, 'page not found in the built site'); continue; }
      const before = failures.filter((f) => f.startsWith(`FAIL ${where(page)}`)).length;
      const facts = await visitWithJs(page, desktop, false);
      await visitWithJs(page, phone, true);
      await visitWithoutJs(page, noJs, facts);
      const after = failures.filter((f) => f.startsWith(`FAIL ${where(page)}`)).length;
      console.log(`${after > before ? 'FAIL' : 'ok  '} ${where(page)} ${Date.now() - t0} ms`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT }, worker));
} finally {
  await browser.close();
  server.kill();
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`${selected.length} pages, ${checks} checks, ${failures.length} failed, ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (failures.length) {
  console.log('\nFailures:\n' + failures.join('\n'));
  process.exit(1);
}
