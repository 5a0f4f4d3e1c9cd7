// The least a program can do to turn the bench's .bib files into a web page of the same content and size
// as vita's (`bench/cases/bib-page.js` runs both): find each entry and its braced fields, escape them for
// HTML, and write one row per paper (number, title, authors, venue and year, abstract, the entry's BibTeX
// without its abstract, a citation to copy) and a JSON-LD record, then flush the file. It reads no LaTeX,
// parses no names, folds no whitespace and shares no work between rows; it reads only the field syntax
// `bench/publications.js` writes (`name={...}`). What it costs on a machine is the floor of the
// 10,000-entry page budget there: reading 15 MB, building and writing 43 MB. It escapes with vita's own
// escapers, so the floor and vita pay the same for that. Run after `npm run build`:
//
//   node bench/page-floor.js <out.html> <file.bib>...
import { closeSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { escapeHtmlAttribute as escapeHtml } from '../dist/inline/html-escape.js';
import { jsonForScript } from '../dist/render/html/escape.js';

const [out, ...bibFiles] = process.argv.slice(2);
if (out === undefined || bibFiles.length === 0) {
  console.error('usage: node bench/page-floor.js <out.html> <file.bib>...');
  process.exit(2);
}

/** The fields of an entry's body: `name={value}` pairs, braces balanced inside the value. */
function fieldsOf(body) {
  const fields = {};
  for (let at = body.indexOf('={'); at >= 0; at = body.indexOf('={', at)) {
    let nameStart = at;
    while (nameStart > 0 && /\w/.test(body[nameStart - 1])) nameStart--;
    let depth = 1;
    let i = at + 2;
    for (; i < body.length && depth > 0; i++) {
      const c = body.charCodeAt(i);
      if (c === 0x7b) depth++;
      else if (c === 0x7d) depth--;
    }
    fields[body.slice(nameStart, at).toLowerCase()] = body.slice(at + 2, i - 1);
    at = i;
  }
  return fields;
}

/** `Last, First` or `First Last`, as `First Last`. */
const displayName = (name) => {
  const comma = name.indexOf(',');
  return comma < 0 ? name.trim() : `${name.slice(comma + 1).trim()} ${name.slice(0, comma).trim()}`;
};

const fd = openSync(out, 'w');
const CHUNK = 1 << 20;
let pending =
  '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Publications</title></head><body><ol class="pubs">\n';
const records = [];
const flush = (force) => {
  if (pending.length < CHUNK && !force) return;
  writeSync(fd, pending);
  pending = '';
};

let number = 0;
for (const file of bibFiles) {
  const source = readFileSync(file, 'utf8');
  for (let at = source.indexOf('@'); at >= 0; ) {
    const open = source.indexOf('{', at);
    const comma = source.indexOf(',', open);
    const end = source.indexOf('\n}', comma);
    if (open < 0 || comma < 0 || end < 0) break;
    const key = source.slice(open + 1, comma);
    const entry = source.slice(at, end + 2);
    const f = fieldsOf(source.slice(comma + 1, end));
    const authors = (f.author ?? '').split(/\s+and\s+/).map(displayName);
    const rawTitle = f.title ?? key;
    const rawVenue = f.booktitle ?? f.journal ?? '';
    const authorList = authors.join(', ');
    const title = escapeHtml(rawTitle);
    const venue = escapeHtml(rawVenue);
    const year = escapeHtml(f.year ?? '');
    const url = escapeHtml(f.url ?? '');
    const abstractAt = entry.indexOf('abstract={');
    const bibtex =
      abstractAt < 0
        ? entry
        : entry.slice(0, abstractAt) + entry.slice(entry.indexOf('\n  }', abstractAt) + 5);
    const citation = escapeHtml(`${authorList}. ${rawTitle}. ${rawVenue} ${f.year ?? ''}. ${f.url ?? ''}`);
    number++;
    pending += `<li class="pub" id="pub-${key}" data-year="${year}">
<span class="pub-label">[${number}]</span>
<div class="pub-body"><div class="pub-title"><a href="${url}">${title}</a></div>
<div class="pub-authors">${escapeHtml(authorList)}</div><div class="pub-venue">${venue} ${year}</div><div class="pub-actions"><details class="abs"><summary class="chip">abstract<span class="visually-hidden"> of ${title}</span></summary><div class="abstract" id="abs-${key}"><p>${escapeHtml((f.abstract ?? '').trim())}</p></div></details><details class="bib"><summary class="chip">BibTeX<span class="visually-hidden"> of ${title}</span></summary><div class="bib-body"><pre id="bib-${key}">${escapeHtml(bibtex)}</pre><div class="copy-row"><button type="button" class="chip copy" data-copy="bib-${key}" aria-label="copy BibTeX of ${title}" hidden>copy</button><button type="button" class="chip copy" data-copy-text="${citation}" aria-label="copy citation of ${title}" hidden>copy citation</button></div></div></details></div></div>
</li>
`;
    records.push({
      '@type': 'ScholarlyArticle',
      name: rawTitle,
      author: authors.map((name) => ({ '@type': 'Person', name })),
      datePublished: f.year,
      isPartOf: rawVenue,
      url: f.url,
    });
    flush(false);
    const next = source.indexOf('\n@', end);
    at = next < 0 ? -1 : next + 1;
  }
}
pending += '</ol>\n<script type="application/ld+json">[';
flush(true);
for (let i = 0; i < records.length; i += 1000) {
  pending += (i === 0 ? '' : ',') + jsonForScript(records.slice(i, i + 1000)).value.slice(1, -1);
  flush(false);
}
pending += ']</script></body></html>\n';
flush(true);
fsyncSync(fd);
closeSync(fd);
