// Compares SiteGen's search-index.js with two npm search libraries on the same built site: the index's size
// (raw and gzip) and, in node, the time to load it and to answer queries. How to run: README.md beside this file.
//   node compare-indexes.js <output folder of a built site>
// MiniSearch and Lunr are looked up on NODE_PATH (npm install --no-save minisearch@7.2.0 lunr@2.3.9 in a
// scratch folder); without them only SiteGen's own index is measured.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const zlib = require('zlib');

const output = process.argv[2];
if (!output) { console.error('usage: node compare-indexes.js <output folder of a built site>'); process.exit(2); }
const repository = path.resolve(__dirname, '../../..');
const queries = ['diffusion', 'diffus', 'transformer', 'vision transformers', 'reinforcement learning policy',
  'backpropagating', 'memory overhead', 'shape generation', 'di', 'xyzzy'];

function size(name, text) {
  const raw = Buffer.byteLength(text), gzip = zlib.gzipSync(text, { level: 6 }).length;
  console.log(`${name}: ${(raw / 1e6).toFixed(2)} MB raw, ${(gzip / 1e6).toFixed(2)} MB gzip`);
}
function ms(f) { const t = process.hrtime.bigint(); const r = f(); return [Number(process.hrtime.bigint() - t) / 1e6, r]; }
function measure(name, load, search) {
  const [loadMs, index] = ms(load);
  const times = queries.map(q => {
    const [first] = ms(() => search(index, q)); // the first time a word is seen (postings decoded, caches cold)
    const again = [];
    for (let i = 0; i < 10; i++) again.push(ms(() => search(index, q))[0]);
    return { q, first, again: again.sort((a, b) => a - b)[5], hits: search(index, q) };
  });
  const worst = Math.max(...times.map(t => t.first));
  const mean = times.reduce((s, t) => s + t.again, 0) / times.length;
  console.log(`  load ${loadMs.toFixed(0)} ms; query median of repeats, mean over queries ${mean.toFixed(2)} ms; slowest first query ${worst.toFixed(1)} ms`);
  console.log('  hits: ' + times.map(t => `${t.q}=${t.hits}`).join(', '));
}

// SiteGen's own: the built search-index.js, searched by the theme's search.js.
const script = fs.readFileSync(path.join(output, 'search-index.js'), 'utf8');
size('SiteGen search-index.js', script);
const { createSearch } = require(path.join(repository, 'theme/assets/search.js'));
measure('SiteGen', () => { vm.runInThisContext(script); return createSearch(globalThis.SiteGenSearchIndex); },
  (engine, q) => engine.search(q, 10).total);

let MiniSearch, lunr;
try { MiniSearch = require('minisearch'); lunr = require('lunr'); } catch { console.log('(minisearch or lunr not on NODE_PATH: skipped)'); process.exit(0); }

// The libraries index the same text: title, tag slugs, abstract (Markdown escapes and URLs removed).
const papers = JSON.parse(fs.readFileSync(path.join(output, 'papers.json'), 'utf8'));
const plain = s => s.replace(/<?https?:\/\/[^\s>)]*>?/g, ' ').replace(/\\([\\`*_{}\[\]()#+\-.!<>|~])/g, '$1');
const docs = papers.map((p, id) => ({ id, title: p.title, slug: p.slug, tags: p.tags.join(' ').replace(/-/g, ' '), text: plain(p.abstract) }));
const options = { fields: ['title', 'tags', 'text'], storeFields: ['title', 'slug'],
  searchOptions: { boost: { title: 3, tags: 2 }, prefix: true, combineWith: 'AND' } };

// MiniSearch, indexing in the browser: the build ships the documents' text, the page indexes it on load.
const shipped = JSON.stringify(docs.map(d => [d.title, d.slug, d.tags, d.text]));
size('MiniSearch 7.2.0, documents indexed on load', shipped);
measure('MiniSearch/documents', () => {
  const engine = new MiniSearch(options);
  engine.addAll(JSON.parse(shipped).map((d, id) => ({ id, title: d[0], slug: d[1], tags: d[2], text: d[3] })));
  return engine;
}, (engine, q) => engine.search(q).length);

// MiniSearch, prebuilt: its own serialization (the C# build would have to write this format).
const built = new MiniSearch(options);
built.addAll(docs);
const serialized = JSON.stringify(built);
size('MiniSearch 7.2.0, serialized index', serialized);
measure('MiniSearch/serialized', () => MiniSearch.loadJSON(serialized, options), (engine, q) => engine.search(q).length);

// Lunr, prebuilt (its stemmer makes prefix queries of whole words miss: "diffusion*" against "diffus").
const index = lunr(function () {
  this.ref('id'); this.field('title', { boost: 3 }); this.field('tags', { boost: 2 }); this.field('text');
  docs.forEach(d => this.add(d));
});
const lunrText = JSON.stringify({ index, docs: docs.map(d => [d.title, d.slug]) });
size('Lunr 2.3.9, serialized index and titles', lunrText);
measure('Lunr', () => lunr.Index.load(JSON.parse(lunrText).index),
  (engine, q) => engine.search(q.split(' ').map(w => `+${w}*`).join(' ')).length);
