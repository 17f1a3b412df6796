/* SiteGen search box (no library; see docs/search.md).
   The index, search-index.js, is loaded the first time the box gets focus: a script, not fetched JSON, so it
   loads from disk (file://) as well as over http. Results appear as you type: every word of the query must
   start a word of the paper's title, tag names or abstract; title matches rank first, then tags, then the
   abstract, and whole words above prefixes. Keyboard: Down and Up choose a result, Enter opens it, Escape
   closes the list (a second Escape empties the box). Results are made with textContent only: nothing from the
   index is ever read as HTML. In node, this file exports the search itself (for benchmarks and checks). */
(function () {
  'use strict';

  var LIMIT = 10;
  // src/SiteGen/Search/PostingsCode.cs: the first 32 digits end a number, the last 32 go on.
  var DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
  var VALUE = {};
  for (var d = 0; d < DIGITS.length; d++) VALUE[DIGITS.charAt(d)] = d;
  // A posting is paper << 3 | where: 1 abstract, 2 tags, 4 title. Its weight is the sum of its places' weights.
  var WEIGHT = [0, 1, 2, 3, 3, 4, 5, 6];

  /** The index's fold table as a function: lowercase, then each character as the table says (src/SiteGen/Text/TextFold.cs). */
  function folder(table) {
    var map = new Map(), values = table[1].split('|');
    for (var i = 0; i < table[0].length; i++) map.set(table[0].charAt(i), values[i]);
    return function (text) {
      var lower = text.toLowerCase(), folded = '';
      for (var i = 0; i < lower.length; i++) {
        var c = lower.charAt(i), f = map.get(c);
        folded += f === undefined ? c : f;
      }
      return folded;
    };
  }

  /** Splits as src/SiteGen/Search/SearchWords.cs does: folded, then runs of letters, marks and digits. */
  function words(text, stop, fold) {
    return fold(text)
      .split(/[^\p{L}\p{M}\p{N}]+/u)
      .filter(function (w) { return w.length >= 2 && !stop.has(w); });
  }

  function decode(text) {
    var numbers = [], previous = 0, pending = 0;
    for (var i = 0; i < text.length; i++) {
      var v = VALUE[text.charAt(i)];
      if (v >= 32) { pending = pending * 32 + v - 32; continue; }
      previous += pending * 32 + v;
      numbers.push(previous);
      pending = 0;
    }
    return numbers;
  }

  /** The search over one loaded index: search(query, limit) gives { words, total, hits: [{ title, url }] }. */
  function createSearch(index) {
    var terms = index.terms ? index.terms.split(' ') : [];
    var stop = new Set(index.stop.split(' '));
    var fold = folder(index.fold);
    var decoded = new Map();

    function postings(i) {
      var list = decoded.get(i);
      if (!list) { list = decode(index.postings[i]); decoded.set(i, list); }
      return list;
    }

    // Each paper's best score for one query word, over every term that starts with it.
    function scoresFor(word) {
      var lo = 0, hi = terms.length;
      while (lo < hi) { var mid = (lo + hi) >> 1; if (terms[mid] < word) lo = mid + 1; else hi = mid; }
      var best = new Map();
      for (var i = lo; i < terms.length && terms[i].startsWith(word); i++) {
        var whole = terms[i] === word ? 2 : 1;
        var list = postings(i);
        for (var j = 0; j < list.length; j++) {
          var paper = list[j] >> 3, score = WEIGHT[list[j] & 7] * whole;
          if (!(best.get(paper) >= score)) best.set(paper, score);
        }
      }
      return best;
    }

    function search(query, limit) {
      var wanted = Array.from(new Set(words(query, stop, fold)));
      var scores = null;
      for (var w = 0; w < wanted.length && (scores === null || scores.size > 0); w++) {
        var found = scoresFor(wanted[w]);
        if (scores === null) { scores = found; continue; }
        var both = new Map();
        scores.forEach(function (score, paper) { if (found.has(paper)) both.set(paper, score + found.get(paper)); });
        scores = both;
      }
      var ranked = scores ? Array.from(scores) : [];
      // Best score first; on a tie, the site's order (newest first).
      ranked.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
      return {
        words: wanted.length,
        total: ranked.length,
        hits: ranked.slice(0, limit).map(function (r) {
          var doc = index.docs[r[0]];
          return { title: doc[0], url: index.paperUrl.replace('{slug}', doc[1]) };
        }),
      };
    }

    return { search: search };
  }

  function start() {
    var box = document.getElementById('search');
    var input = document.getElementById('search-input');
    var list = document.getElementById('search-results');
    var status = document.getElementById('search-status');
    if (!box || !input || !list || !status) return;
    var root = box.getAttribute('data-root') || '';
    var engine = null, loading = false, active = -1;
    box.hidden = false; // without this script the box stays hidden: it could do nothing

    function say(text) { status.textContent = text; }

    function load() {
      if (engine || loading) return;
      if (globalThis.SiteGenSearchIndex) { engine = createSearch(globalThis.SiteGenSearchIndex); return; }
      loading = true;
      say('Loading the search index…');
      var script = document.createElement('script');
      script.src = box.getAttribute('data-index');
      script.onload = function () {
        loading = false;
        if (!globalThis.SiteGenSearchIndex) { say('The search index could not be read.'); return; }
        engine = createSearch(globalThis.SiteGenSearchIndex);
        update();
      };
      script.onerror = function () {
        loading = false;
        script.remove(); // the next focus tries again
        say('The search index could not be loaded.');
      };
      document.head.appendChild(script);
    }

    function options() { return list.querySelectorAll('[role="option"]'); }

    function choose(next) {
      var all = options();
      if (all.length === 0) return;
      active = (next + all.length) % all.length;
      all.forEach(function (option, i) { option.setAttribute('aria-selected', i === active ? 'true' : 'false'); });
      input.setAttribute('aria-activedescendant', all[active].id);
      all[active].scrollIntoView({ block: 'nearest' });
    }

    function close() {
      list.replaceChildren();
      list.hidden = true;
      active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }

    function update() {
      if (!engine) { load(); return; }
      var result = engine.search(input.value, LIMIT);
      close();
      if (result.words === 0) { say(''); return; }
      result.hits.forEach(function (hit, i) {
        var option = document.createElement('li');
        option.id = 'search-result-' + i;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        var link = document.createElement('a');
        link.href = root + hit.url;
        link.tabIndex = -1; // the box keeps focus; arrows move through the list
        link.textContent = hit.title;
        option.appendChild(link);
        list.appendChild(option);
      });
      if (result.hits.length > 0) {
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
      }
      say(result.total === 0 ? 'No papers found.'
        : result.total === 1 ? '1 paper found.'
          : result.total <= LIMIT ? result.total + ' papers found.'
            : result.total + ' papers found; the first ' + LIMIT + ' are shown.');
    }

    input.addEventListener('focus', function () { if (engine && input.value) update(); else load(); });
    input.addEventListener('input', update);
    input.addEventListener('keydown', function (event) {
      if (event.isComposing) return; // Enter or Escape of an input method (Chinese, Japanese) is not ours
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        if (list.hidden) update();
        choose(event.key === 'ArrowDown' ? active + 1 : (active < 0 ? -1 : active - 1));
      } else if (event.key === 'Enter') {
        var all = options();
        if (all.length === 0) return;
        event.preventDefault();
        window.location.href = all[active < 0 ? 0 : active].querySelector('a').href;
      } else if (event.key === 'Escape') {
        if (!list.hidden) { close(); say(''); } else { input.value = ''; say(''); }
      }
    });
    // Keep the focus in the box on a click in the list (Safari does not focus a clicked link), so that the
    // list is still there when the click lands.
    list.addEventListener('mousedown', function (event) { event.preventDefault(); });
    // Leaving the box (Tab away, a click elsewhere) closes the list; a click on a result still follows it.
    box.addEventListener('focusout', function (event) {
      if (!box.contains(event.relatedTarget)) { close(); say(''); }
    });
  }

  if (typeof module === 'object' && module.exports) {
    module.exports = { createSearch: createSearch, words: words, folder: folder, decode: decode };
  } else if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
