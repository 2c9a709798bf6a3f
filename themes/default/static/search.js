/* Commonplace search: the client of the static index that generator/search writes.
 *
 * Markup contract (the page /search/index.html; "…" is a word in the site's language, from
 * the theme's i18n/ files, and the words the script writes come from the form's data-words):
 *
 *   <html data-root="../">                  relative path from this page to the site root
 *   <form id="search-form" action="" role="search">
 *     <label for="search-input">…</label>
 *     <input id="search-input" name="q" type="search" autocomplete="off">
 *     <label for="search-type">…</label>
 *     <select id="search-type" name="type"><option value="">…</option></select>
 *     <label for="search-domain">…</label>
 *     <select id="search-domain" name="domain"><option value="">…</option></select>
 *   </form>
 *   <div id="search-results" aria-live="polite"></div>
 *   <noscript>… (how to find things without JavaScript)</noscript>
 *   <script src="ROOT/PATH/TO/search.js" defer></script>
 *
 * The script fills both selects from the index (option values: the type name, the
 * domain title), keeps ?q=&type=&domain= in the URL, and renders into #search-results:
 *
 *   <p class="search-status">…</p>
 *   <ol class="search-list">
 *     <li class="search-result">
 *       <a class="search-title" href="...">Title with <mark>words</mark></a>
 *       <p class="search-meta"><span class="search-type">…</span> ·
 *         <time datetime="2023-08-18">2023-08-18</time> · <span class="search-domains">A, B</span></p>
 *       <p class="search-snippet">Excerpt with <mark>words</mark>…</p>
 *     </li>
 *   </ol>
 *   <button type="button" class="search-more">…</button>
 *
 * The index (ROOT/search/*.js) is loaded with <script> tags, not fetch(), so that it
 * works from file:// too: each file calls window.cpSearch.manifest/shard/docs/facet.
 * Folding and word splitting mirror generator/search/tokenizer.cpp exactly.
 */
(function () {
  'use strict';

  var PAGE = 10;              // results shown at a time
  var MAX_PREFIX_SHARDS = 3;  // a shorter prefix spanning more shards matches exactly
  var MAX_TERMS = 8;          // words of a longer query (a pasted paragraph) are ignored
  var DEBOUNCE_MS = 120;
  // The words this script writes, in the site's language: the search form's data-words
  // (themes/default/i18n/LANG.yaml, search.script), with the plural rules of the page's language.
  var form0 = document.getElementById('search-form');
  var WORDS = {};
  try { WORDS = JSON.parse((form0 && form0.getAttribute('data-words')) || '{}'); } catch (e) { WORDS = {}; }
  var TYPE_LABELS = WORDS.types || {};
  var PLURALS = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang || 'en') : null;
  function word(key, values) {
    var text = WORDS[key];
    if (text && typeof text === 'object') {
      var form = PLURALS && values && typeof values.n === 'number' ? PLURALS.select(values.n) : 'other';
      text = text[form] || text.other;
    }
    text = typeof text === 'string' ? text : key;
    return text.replace(/\{([a-z_]+)\}/g, function (all, name) {
      return values && values[name] !== undefined ? String(values[name]) : all;
    });
  }

  var root = document.documentElement.getAttribute('data-root');
  if (root === null) root = '../';
  var base = root + 'search/';
  var registry = {};
  var loading = {};

  // ---- folding and words (same rules as tokenizer.cpp) ----

  var SPECIAL = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'đ': 'd', 'ħ': 'h', 'ı': 'i', 'ł': 'l',
    'ŀ': 'l', 'ŧ': 't', 'þ': 'th', 'ð': 'd', 'ĸ': 'k', 'ς': 'σ', 'ſ': 's', 'ŉ': 'n', 'ǆ': 'dz',
    'ǉ': 'lj', 'ǌ': 'nj', 'ĳ': 'ij' };
  var foldCache = {};

  function foldChar(ch) {
    var c = ch.codePointAt(0);
    if (c < 0x80) return c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : ch;
    if (c >= 0x300 && c <= 0x36f) return '';
    if ((c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x4ff) || (c >= 0x1e00 && c <= 0x1fff)) {
      var hit = foldCache[ch];
      if (hit !== undefined) return hit;
      var out = '';
      for (var x of ch.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')) out += SPECIAL[x] || x;
      return (foldCache[ch] = out);
    }
    return ch;
  }

  function fold(s) {
    var out = '';
    for (var ch of s) out += foldChar(ch);
    return out;
  }

  function isCjk(c) {
    return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3ffff);
  }

  function isWordChar(c) {
    if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    if (c < 0xc0 || c === 0xd7 || c === 0xf7) return false;
    if (c === 0x37e || c === 0x385 || c === 0x387) return false;
    if ((c >= 0x2000 && c <= 0x2bff) || (c >= 0x2e00 && c <= 0x2e7f) || (c >= 0x3000 && c <= 0x303f)) return false;
    if ((c >= 0xd800 && c <= 0xf8ff) || (c >= 0xfe10 && c <= 0xfe1f) || (c >= 0xfe30 && c <= 0xfe6f)) return false;
    if ((c >= 0xff00 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) || (c >= 0xff3b && c <= 0xff40) ||
      (c >= 0xff5b && c <= 0xff65) || c >= 0xfff0 && c <= 0xffff) return false;
    if (c >= 0x1f000 && c <= 0x1faff) return false;
    return true;
  }

  // Words of s as {word (folded), start, end} (offsets in UTF-16 units of s).
  function words(s) {
    var out = [];
    var cur = null;
    var chars = Array.from(s);
    var pos = 0;
    function finish(end) {
      if (cur && cur.word) { cur.end = end; out.push(cur); }
      cur = null;
    }
    for (var i = 0; i < chars.length; i++) {
      var ch = chars[i];
      var c = ch.codePointAt(0);
      var next = pos + ch.length;
      if (isCjk(c)) {
        finish(pos);
        out.push({ word: foldChar(ch), start: pos, end: next });
      } else if (isWordChar(c)) {
        if (!cur) cur = { word: '', start: pos };
        cur.word += foldChar(ch);
      } else if ((c === 0x27 || c === 0x2019) && cur && cur.word) {
        var n = i + 1 < chars.length ? chars[i + 1].codePointAt(0) : -1;
        if (n < 0 || !isWordChar(n) || isCjk(n)) finish(pos); // else: dropped inside a word
      } else {
        finish(pos);
      }
      pos = next;
    }
    finish(pos);
    return out;
  }

  function tokenize(s) {
    return words(s).map(function (w) { return w.word; });
  }

  // ---- the index files ----

  function load(key) {
    if (!loading[key]) {
      loading[key] = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        var build = key !== 'manifest' && registry.manifest ? '?v=' + registry.manifest.build : '';
        script.src = base + key + '.js' + build;
        script.onload = function () {
          if (key in registry) resolve(registry[key]);
          else reject(new Error(script.src + ' registered nothing'));
        };
        script.onerror = function () {
          delete loading[key];
          reject(new Error('could not load ' + script.src));
        };
        document.head.appendChild(script);
      });
    }
    return loading[key];
  }

  window.cpSearch = {
    manifest: function (m) { registry.manifest = m; },
    shard: function (n, terms) { registry['shards/' + n] = terms; },
    docs: function (n, list) { registry['docs/' + n] = list; },
    facet: function (key, set) { registry['facets/' + key] = set; },
    fold: fold,
    tokenize: tokenize,
    loaded: function () { return Object.keys(loading); }
  };

  var VALUE = new Int8Array(128).fill(-1);
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('').forEach(function (ch, i) {
    VALUE[ch.charCodeAt(0)] = i;
  });

  // The inverse of detail::encode_set in search_index.cpp.
  function decodeSet(text) {
    var out = [];
    var i, v;
    if (text.charCodeAt(0) === 33) { // '!': a bitmap
      for (i = 1; i < text.length; i++) {
        v = VALUE[text.charCodeAt(i)];
        for (var b = 0; b < 6; b++) if (v & (1 << b)) out.push((i - 1) * 6 + b);
      }
      return out;
    }
    var next = 0, gap = 0, mul = 1;
    for (i = 0; i < text.length; i++) {
      v = VALUE[text.charCodeAt(i)];
      gap += (v & 31) * mul;
      if (v < 32) { next += gap; out.push(next); next++; gap = 0; mul = 1; } else mul *= 32;
    }
    return out;
  }

  // Code point order, as the generator sorts (UTF-16 order differs above U+D7FF).
  function compare(a, b) {
    var n = Math.min(a.length, b.length);
    for (var i = 0; i < n; i++) {
      var x = a.charCodeAt(i), y = b.charCodeAt(i);
      if (x !== y) {
        if (x >= 0xd800 && y >= 0xd800) {
          x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
          y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
        }
        return x < y ? -1 : 1;
      }
    }
    return a.length - b.length;
  }

  // The shard whose term range holds `term`: the last whose separator is <= term.
  function shardOf(shards, term) {
    var lo = 0, hi = shards.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (compare(shards[mid], term) <= 0) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  // ---- queries ----

  // The query's words: each with the exact variants it matches (plural stripped) and
  // whether it also matches as a prefix; stop words dropped except one being typed, and
  // a single letter being typed dropped.
  function parseQuery(q, manifest) {
    var list = tokenize(q);
    var typing = !/\s$/.test(q);
    var stop = new Set(manifest.stop);
    var seen = new Set();
    var terms = [];
    list.forEach(function (w, i) {
      var last = typing && i === list.length - 1;
      var n = Array.from(w).length;
      if (seen.has(w) || (stop.has(w) && !last)) return;
      if (last && n === 1 && !isCjk(w.codePointAt(0))) return; // one letter typed: wait for more
      seen.add(w);
      var exact = [w];
      if (n >= 4 && /s$/.test(w)) exact.push(w.slice(0, -1));
      if (n >= 5 && /es$/.test(w)) exact.push(w.slice(0, -2));
      if (n >= 5 && /ies$/.test(w)) exact.push(w.slice(0, -3) + 'y');
      var shards = manifest.shards;
      var first = shardOf(shards, w), end = first;
      while (end + 1 < shards.length && shards[end + 1].startsWith(w)) end++;
      var prefix = n >= 2 && end - first < MAX_PREFIX_SHARDS;
      var needed = new Set();
      if (prefix) for (var k = first; k <= end; k++) needed.add(k); else needed.add(first);
      exact.forEach(function (e) { needed.add(shardOf(shards, e)); });
      terms.push({ word: w, exact: exact, prefix: prefix, shards: Array.from(needed) });
    });
    return terms.slice(0, MAX_TERMS);
  }

  function matches(term, candidate) {
    return term.exact.indexOf(candidate) >= 0 || (term.prefix && candidate.startsWith(term.word));
  }

  // Ranks the documents: those with most query words first (all of them, when any
  // document has all), then most words in the title (a whole word above a word it starts),
  // then term frequency weighted by rarity, then newest (lowest id).
  async function rank(terms, manifest, filter) {
    var n = manifest.docs;
    var cover = new Uint8Array(n), titles = new Uint8Array(n), score = new Float32Array(n);
    var shardData = await Promise.all(terms.map(function (t) {
      return Promise.all(t.shards.map(function (k) { return load('shards/' + k); }));
    }));
    var mask = null;
    for (var f = 0; f < filter.length; f++) {
      var ids = decodeSet(await load('facets/' + filter[f]));
      var m = new Uint8Array(n);
      ids.forEach(function (id) { if (!mask || mask[id]) m[id] = 1; });
      mask = m;
    }
    terms.forEach(function (term, ti) {
      var best = new Float32Array(n), inTitle = new Uint8Array(n), df = 0;
      shardData[ti].forEach(function (shard) {
        Object.keys(shard).forEach(function (t) {
          if (!matches(term, t)) return;
          var weight = term.exact.indexOf(t) >= 0 ? 1 : 0.5;
          var parts = typeof shard[t] === 'string' ? [shard[t]] : shard[t];
          var docs = decodeSet(parts[0]);
          var level = new Uint8Array(docs.length).fill(1);
          // A word of the title counts twice when it is the word asked for (or its plural), once
          // when it only starts with it: "notes after" puts "Notes after the audit" above
          // "Afternoon notes".
          var hit = weight === 1 ? 2 : 1;
          if (parts[1]) decodeSet(parts[1]).forEach(function (k) { if (hit > inTitle[docs[k]]) inTitle[docs[k]] = hit; });
          var within = null;
          for (var p = 2; p < parts.length; p++) {
            var sub = decodeSet(parts[p]);
            within = within ? sub.map(function (k) { return within[k]; }) : sub;
            within.forEach(function (k) { level[k]++; });
          }
          docs.forEach(function (d, k) { if (level[k] * weight > best[d]) best[d] = level[k] * weight; });
        });
      });
      for (var d = 0; d < n; d++) if (best[d] > 0) df++;
      var idf = Math.log(1 + n / Math.max(df, 1));
      for (d = 0; d < n; d++) {
        if (best[d] > 0) { cover[d]++; titles[d] += inTitle[d]; score[d] += best[d] * idf; }
      }
    });
    var most = 0;
    for (var d = 0; d < n; d++) if (cover[d] > most && (!mask || mask[d])) most = cover[d];
    var results = [];
    if (most > 0) for (d = 0; d < n; d++) if (cover[d] === most && (!mask || mask[d])) results.push(d);
    results.sort(function (a, b) { return titles[b] - titles[a] || score[b] - score[a] || a - b; });
    return { ids: results, partial: most < terms.length };
  }

  async function documents(ids, manifest) {
    var chunks = await Promise.all(ids.map(function (id) {
      return load('docs/' + Math.floor(id / manifest.chunk));
    }));
    return ids.map(function (id, i) {
      var r = chunks[i][id % manifest.chunk];
      return { url: r[0], title: r[1], type: manifest.types[r[2]], date: r[3],
        domains: r[4].map(function (k) { return manifest.domains[k]; }), excerpt: r[5] };
    });
  }

  // ---- the page ----

  var form = document.getElementById('search-form');
  var input = document.getElementById('search-input');
  var typeSelect = document.getElementById('search-type');
  var domainSelect = document.getElementById('search-domain');
  var results = document.getElementById('search-results');
  if (!form || !input || !results) return;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  // Text with the words that match the query wrapped in <mark>, as DOM nodes.
  function highlight(text, terms) {
    var frag = document.createDocumentFragment();
    var at = 0;
    words(text).forEach(function (w) {
      if (!terms.some(function (t) { return matches(t, w.word); })) return;
      if (w.start > at) frag.appendChild(document.createTextNode(text.slice(at, w.start)));
      frag.appendChild(el('mark', '', text.slice(w.start, w.end)));
      at = w.end;
    });
    if (at < text.length) frag.appendChild(document.createTextNode(text.slice(at)));
    return frag;
  }

  function href(url) {
    var path = root + url.replace(/^\//, '');
    if (location.protocol === 'file:' && /\/$/.test(path)) path += 'index.html';
    return path || './';
  }

  function status(text) {
    results.textContent = '';
    results.appendChild(el('p', 'search-status', text));
  }

  var manifestPromise = load('manifest');
  var generation = 0;
  var timer = null;

  function fillSelect(select, values, label) {
    if (!select) return;
    values.forEach(function (v) {
      var o = el('option', '', label(v));
      o.value = v;
      select.appendChild(o);
    });
  }

  function facetKeys(manifest) {
    var keys = [];
    var t = typeSelect ? manifest.types.indexOf(typeSelect.value) : -1;
    var d = domainSelect ? manifest.domains.indexOf(domainSelect.value) : -1;
    if (t >= 0) keys.push('type-' + t);
    if (d >= 0) keys.push('domain-' + d);
    return keys;
  }

  function keepInUrl() {
    var params = new URLSearchParams();
    if (input.value) params.set('q', input.value);
    if (typeSelect && typeSelect.value) params.set('type', typeSelect.value);
    if (domainSelect && domainSelect.value) params.set('domain', domainSelect.value);
    var query = params.toString();
    try {
      history.replaceState(null, '', location.pathname + (query ? '?' + query : '') + location.hash);
    } catch (e) { /* some browsers refuse it on file:// */ }
  }

  async function search() {
    var mine = ++generation;
    keepInUrl();
    var manifest = await manifestPromise;
    var terms = parseQuery(input.value, manifest);
    if (!terms.length) { results.textContent = ''; return; }
    var ranked = await rank(terms, manifest, facetKeys(manifest));
    if (mine !== generation) return;
    if (!ranked.ids.length) { status(word('no_results')); return; }
    var count = word('results', { n: ranked.ids.length });
    status(word(ranked.partial ? 'partial' : 'complete', { count: count }));
    var list = el('ol', 'search-list');
    results.appendChild(list);
    var shown = 0;
    var more = null;
    async function showMore() {
      var page = ranked.ids.slice(shown, shown + PAGE);
      shown += page.length;
      var docs = await documents(page, manifest);
      if (mine !== generation) return;
      docs.forEach(function (doc) {
        var li = el('li', 'search-result');
        var a = el('a', 'search-title');
        a.href = href(doc.url);
        a.appendChild(highlight(doc.title, terms));
        li.appendChild(a);
        var meta = el('p', 'search-meta');
        meta.appendChild(el('span', 'search-type', TYPE_LABELS[doc.type] || doc.type));
        if (doc.date) {
          meta.appendChild(document.createTextNode(' · '));
          var time = el('time', '', doc.date);
          time.setAttribute('datetime', doc.date);
          meta.appendChild(time);
        }
        if (doc.domains.length) {
          meta.appendChild(document.createTextNode(' · '));
          meta.appendChild(el('span', 'search-domains', doc.domains.join(', ')));
        }
        li.appendChild(meta);
        if (doc.excerpt) {
          var p = el('p', 'search-snippet');
          p.appendChild(highlight(doc.excerpt, terms));
          li.appendChild(p);
        }
        list.appendChild(li);
      });
      if (shown < ranked.ids.length && !more) {
        more = el('button', 'search-more', word('more'));
        more.type = 'button';
        more.addEventListener('click', function () {
          var focusAt = shown;
          showMore().then(function () {
            var links = list.querySelectorAll('a');
            if (links[focusAt]) links[focusAt].focus();
          });
        });
        results.appendChild(more);
      } else if (shown >= ranked.ids.length && more) {
        more.remove();
      }
    }
    await showMore();
  }

  function run() {
    search().catch(function (e) {
      status(word('unavailable', { error: e.message }));
    });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  }

  input.addEventListener('input', later);
  if (typeSelect) typeSelect.addEventListener('change', run);
  if (domainSelect) domainSelect.addEventListener('change', run);
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(timer);
    run();
  });

  // Arrow keys move between the query and the result links; Enter opens a link.
  function resultLinks() {
    return Array.prototype.slice.call(results.querySelectorAll('.search-result a'));
  }
  input.addEventListener('keydown', function (e) {
    if (e.key !== 'ArrowDown') return;
    var links = resultLinks();
    if (links.length) { e.preventDefault(); links[0].focus(); }
  });
  results.addEventListener('keydown', function (e) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    var links = resultLinks();
    var i = links.indexOf(document.activeElement);
    if (i < 0) return;
    e.preventDefault();
    if (e.key === 'ArrowUp') (i === 0 ? input : links[i - 1]).focus();
    else if (i + 1 < links.length) links[i + 1].focus();
  });

  var params = new URLSearchParams(location.search);
  input.value = params.get('q') || '';
  manifestPromise.then(function (manifest) {
    fillSelect(typeSelect, manifest.types, function (t) { return TYPE_LABELS[t] || t; });
    fillSelect(domainSelect, manifest.domains, function (d) { return d; });
    if (typeSelect) typeSelect.value = params.get('type') || '';
    if (domainSelect) domainSelect.value = params.get('domain') || '';
    if (input.value) run();
  }, function (e) {
    status(word('unavailable', { error: e.message }));
  });
})();
