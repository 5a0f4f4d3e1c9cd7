/**
 * The fast element reader of watch mode's page patch (src/watch/element-scan.ts) against htmlparser2, which
 * page-patch.ts uses when the fast reader gives up: on every page vita renders from the repository's CVs it
 * must not give up, and on those pages mutated at random, whenever it does not give up, it must report the
 * very events htmlparser2 reports (names, ids, types, offsets, explicit end tags).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { loadCv } from '../../src/pipeline/load-cv.js';
import { renderHtmlPage } from '../../src/render/html/page.js';
import { type ElementEvents, scanElements } from '../../src/watch/element-scan.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

type Event =
  | {
      kind: 'open';
      name: string;
      id: string | undefined;
      type: string | undefined;
      start: number;
      openEnd: number;
    }
  | { kind: 'close'; name: string; explicit: boolean; start: number; end: number };

function recorder(): ElementEvents & { events: Event[] } {
  const events: Event[] = [];
  return {
    events,
    open: (name, id, type, start, openEnd) => events.push({ kind: 'open', name, id, type, start, openEnd }),
    close: (name, explicit, start, end) => events.push({ kind: 'close', name, explicit, start, end }),
  };
}

/** The events as page-patch.ts derives them from htmlparser2. */
function htmlparser2Events(html: string): Event[] {
  const events = recorder();
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        events.open(
          name,
          attributes.id || undefined,
          attributes.type?.toLowerCase(),
          parser.startIndex,
          parser.endIndex + 1,
        );
      },
      onclosetag(name, isImplied) {
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        events.close(name, !isImplied && html.slice(start, end).toLowerCase() === `</${name}>`, start, end);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.end(html);
  return events.events;
}

/** The scanner's events, or undefined when it gives up. */
function scannedEvents(html: string): Event[] | undefined {
  const events = recorder();
  return scanElements(html, events) ? events.events : undefined;
}

const NOW = new Date('2024-05-01T00:00:00Z');

/** The standalone pages of the repository's CVs, and the golden page of the HTML fixture. */
function vitaPages(): { name: string; html: string }[] {
  const cvs = [
    'examples/seed/cv.yaml',
    'examples/variants/cv.yaml',
    'test/fixtures/test-cv/cv.yaml',
    'test/fixtures/bamos-cv/cv.yaml',
  ];
  const pages = cvs.map((file) => {
    const { cv } = loadCv([path.join(ROOT, file)]);
    if (!cv) throw new Error(`${file} does not load`);
    const page = renderHtmlPage(cv, {
      now: NOW,
      outDir: '/out',
      pdfEngine: 'typst',
      htmlFileName: 'index.html',
    });
    return { name: file, html: page.html };
  });
  const golden = path.join(ROOT, 'test/fixtures/html-sample/expected/index.html');
  pages.push({ name: 'html-sample', html: readFileSync(golden, 'utf8') });
  return pages;
}

/** Small, seeded, reproducible random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Markup that HTML reads in unusual ways, and ordinary markup, inserted into pages. */
const SNIPPETS = [
  '<p>',
  '</p>',
  '<p id="x">t</p>',
  '<li>',
  '</li>',
  '<li id="n">x</li>',
  '<div>',
  '</div>',
  '<div/>',
  '<div id="d"></div>',
  '<DIV ID="U">u</DIV>',
  '<span id=bare>s</span>',
  '<span id = "spaced" >s</span >',
  '<span id="a" id="b">s</span>',
  '<span id="">s</span>',
  '<a id="x&amp;y">a</a>',
  '<a href="/x?a=1&amp;b=2">a</a>',
  '<a href=/x/>a</a>',
  '<br>',
  '<br/>',
  '</br>',
  '<img src="x.png" alt="">',
  '<img id="i" src="x.png"/>',
  '<input id="q" type="search">',
  '<hr>',
  '<svg viewBox="0 0 1 1"><path d="M0 0"/></svg>',
  '<svg><circle r="1"></circle><g><rect/></g></svg>',
  '<svg/>',
  '<svg><title>t</title></svg>',
  '<svg><lineargradient></lineargradient></svg>',
  '<math><mi>x</mi></math>',
  '<form><form></form>',
  '<script>if (a < b) {}</script>',
  '<script type="application/ld+json">{}</script>',
  '<SCRIPT>x</script>',
  '<script>a</script >',
  '<style>p{}</style>',
  '<title>a <b> c</title>',
  '<textarea><p></textarea>',
  '<template><p id="t">t</p></template>',
  '<!-- comment -->',
  '<!---->',
  '<!-->',
  '<!--->',
  '<!-- a -- b -->',
  '<!doctype html>',
  '<!x>',
  '<?php x ?>',
  '<![CDATA[x]]>',
  'a < b',
  '<<div>',
  '</ div>',
  '</div x>',
  '</>',
  '<plaintext>',
  '<table><tr><td>x</td></tr></table>',
  '<select><option>a<option>b</select>',
  '<details><summary>s</summary><p>p</p></details>',
  '<x =y>',
  '<x "y">',
  '<a / href="z">a</a>',
  '<p / >',
  '<image src="x">',
  '&lt;div&gt;',
  '>',
  '"',
  "'",
  '<',
  '/',
];

/** One random change: a snippet inserted, a range deleted or duplicated, or one character replaced. */
function mutate(html: string, rand: () => number): string {
  const at = Math.floor(rand() * html.length);
  const kind = rand();
  if (kind < 0.55) {
    const snippet = SNIPPETS[Math.floor(rand() * SNIPPETS.length)] as string;
    return html.slice(0, at) + snippet + html.slice(at);
  }
  const span = Math.floor(rand() * 200);
  if (kind < 0.75) return html.slice(0, at) + html.slice(at + span);
  if (kind < 0.9) return html.slice(0, at + span) + html.slice(at, at + span) + html.slice(at + span);
  const chars = '<>/"\'= !-&a';
  return html.slice(0, at) + chars[Math.floor(rand() * chars.length)] + html.slice(at + 1);
}

describe('scanElements', () => {
  const pages = vitaPages();

  it('reads every page vita renders from the repository’s CVs, as htmlparser2 does', () => {
    for (const { name, html } of pages) {
      const scanned = scannedEvents(html);
      expect(scanned, `${name}: the fast reader gave up`).toBeDefined();
      expect(scanned, name).toEqual(htmlparser2Events(html));
    }
  });

  // More runs, or another seed: VITA_SCAN_MUTATIONS=20000 VITA_SCAN_SEED=7 (each run reads a page twice).
  const runs = Number(process.env.VITA_SCAN_MUTATIONS ?? 1000);
  it('reports htmlparser2’s events for every mutated page it reads, and gives up on the others', {
    timeout: Math.max(60_000, runs * 30),
  }, () => {
    const rand = random(Number(process.env.VITA_SCAN_SEED ?? 20261203));
    let read = 0;
    for (let run = 0; run < runs; run++) {
      const page = pages[run % pages.length] as { name: string; html: string };
      let html = page.html;
      const changes = 1 + Math.floor(rand() * 3);
      for (let i = 0; i < changes; i++) html = mutate(html, rand);
      const scanned = scannedEvents(html);
      if (scanned === undefined) continue;
      read++;
      const expected = htmlparser2Events(html);
      if (JSON.stringify(scanned) !== JSON.stringify(expected)) {
        expect(scanned, `run ${run} (${page.name})`).toEqual(expected);
      }
    }
    // The mutations must exercise the fast reader, not only its giving up.
    expect(read).toBeGreaterThan(runs / 5);
  });

  it('gives up on markup whose reading it leaves to htmlparser2', () => {
    const wrap = (body: string) => `<!doctype html><html><head></head><body>${body}</body></html>`;
    expect(scannedEvents(wrap('<div>ok</div>'))).toBeDefined();
    for (const body of [
      '<p>one<div>two</div>',
      '<ul><li>a<li>b</ul>',
      '<div>unclosed',
      '</p>',
      '<form></form>',
      '<math></math>',
      '<svg><title>t</title></svg>',
      '<a id="a&amp;b">x</a>',
      '<!-->',
      '<![CDATA[x]]>',
      '<?x?>',
      '</div >',
      '<script>x</script >',
    ])
      expect(scannedEvents(wrap(body)), body).toBeUndefined();
  });
});
