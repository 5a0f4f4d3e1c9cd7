// Publications benchmark: load + format synthetic .bib files of 10,000 and 20,000 entries.
// Run after `npm run build` (imports the compiled modules from ../dist). Budget: 10k entries < 2 s, and
// twice the entries at most twice the time (+10%).

import { parseInline } from '../dist/inline/parse.js';
import { renderPublicationsMarkdown } from '../dist/render/markdown/publications.js';
import { publicationsSectionSchema, resolvePublications } from '../dist/resolve/sections/publications.js';

const FIRST = [
  'Brandon',
  'Denis',
  'Samuel',
  'Ricky',
  'Yaron',
  'Aditya',
  'Maximilian',
  'Amy',
  'Zico',
  'Priya',
  'Akshay',
  'Shane',
  'Stephen',
  'Steven',
  'Joan',
  'Heli',
  'Joey',
  'Aram',
  'Carles',
  'Giulia',
  'Ievgen',
  'Kyunghyun',
  'Laurent',
  'Misha',
  'Nando',
  'Noam',
  'Rémi',
  'Ilia',
  'Kamalika',
  'Arman',
  'Anselm',
  'Michal',
  'Vít',
  'Georg',
  'Mikael',
  'Qinqing',
  'Yuandong',
  'Chuan',
  'Lily',
  'Smitha',
  'Manon',
  'Jane',
  'Lisa',
  'Wei-Di',
  'Gregory',
  'Scott',
  'Zihao',
  'Kai',
  'Shing-Hei',
  'Mattia',
  'Senne',
  'Jayanta',
  'Tias',
  'Michele',
];
const LAST = [
  'Amos',
  'Yarats',
  'Cohen',
  'Chen',
  'Lipman',
  'Grover',
  'Nickel',
  'Zhang',
  'Kolter',
  'Donti',
  'Agrawal',
  'Barratt',
  'Boyd',
  'Diamond',
  'Bruna',
  'Ben-Hamu',
  'Bose',
  'Pooladian',
  'Domingo-Enrich',
  'Luise',
  'Redko',
  'Cho',
  'Dinh',
  'Denil',
  'de Freitas',
  'Brown',
  'Munos',
  'Kulikov',
  'Chaudhuri',
  'Zharmagambetov',
  'Paulus',
  "Rol{\\'\\i}nek",
  'Musil',
  'Martius',
  'Henaff',
  'Zheng',
  'Tian',
  'Guo',
  'Milli',
  'Revel',
  'Yu',
  'Titus',
  'Chang',
  'Dudek',
  'Fujimoto',
  'Zhao',
  'Wang',
  'Ho',
  'Silvestri',
  'Berden',
  'Mandi',
  'Guns',
  'Lombardi',
  'G{\\"o}del',
  "Garc{\\'\\i}a",
  'M{\\"u}ller',
  'Fran{\\c{c}}ois',
];
const VENUES = ['ICML', 'NeurIPS', 'ICLR', 'AISTATS', 'L4DC', 'CVPR', 'JMLR', 'TMLR', 'CoRL', 'UAI', 'arXiv'];
const WORDS = (
  'we study learning optimization control transport flows models policies gradients convex layers ' +
  'differentiable amortized stochastic value reinforcement manifold geometry diffusion sampling data ' +
  'networks inference energy structured prediction planning objective variational bilevel implicit'
).split(' ');

/** A small deterministic PRNG (mulberry32), so every run parses the same text. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Venue fields as standard exports write them (no `_venue`): the table must shorten them. */
const FULL_VENUES = [
  'Proceedings of the 37th International Conference on Machine Learning',
  'Advances in Neural Information Processing Systems 33',
  'International Conference on Learning Representations',
  'Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition',
  'Journal of Machine Learning Research',
  'Proceedings of the 5th Conference on Robot Learning',
  'A Workshop Nobody Abbreviates',
];

/**
 * A realistic .bib text: ~10 authors per entry in both name forms, abstracts, accents, links. `standard`
 * writes what reference managers export: no `_venue`, the venue's full name in `booktitle`.
 */
export function generateBib(count, seed = 1, { standard = false } = {}) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const parts = [];
  for (let i = 0; i < count; i++) {
    const authors = [];
    const n = 6 + Math.floor(rnd() * 9);
    const owner = Math.floor(rnd() * n);
    for (let a = 0; a < n; a++) {
      const first = a === owner ? 'Brandon' : pick(FIRST);
      const last = a === owner ? 'Amos' : pick(LAST);
      const mark = rnd() < 0.1 ? '$^*$' : '';
      authors.push(rnd() < 0.5 ? `${last}${mark}, ${first}` : `${first} ${last}${mark}`);
    }
    const abstractLines = [];
    for (let l = 0; l < 12; l++)
      abstractLines.push(
        `    ${words(8)}${l === 5 ? ' with 10\\% fewer {\\"o}perations --- and $\\alpha$' : ''}`,
      );
    parts.push(
      `@inproceedings{paper${i}${pick(WORDS)},
  title={{${words(3)}}: ${words(5)} via {\\'e}tudes--${words(2)}},
  author={${authors.join(' and ')}},
  year={${1998 + Math.floor(rnd() * 29)}},
${standard ? `  booktitle={${pick(FULL_VENUES)}},` : `  _venue={${pick(VENUES)}},\n  booktitle={Proceedings of ${pick(VENUES)}},`}
  url={https://arxiv.org/abs/${2000 + (i % 500)}.${10000 + i}},
${rnd() < 0.5 ? `  codeurl={https://github.com/example/repo_${i}},\n` : ''}${rnd() < 0.2 ? `  slidesurl={https://example.org/slides/${i}.pdf},\n` : ''}${rnd() < 0.1 ? '  selected={true},\n' : ''}  abstract={
${abstractLines.join('\n')}
  }
}
`,
    );
  }
  return parts.join('\n');
}

function config() {
  const authorUrls = {};
  for (const first of FIRST) {
    for (const last of LAST.slice(0, 12))
      authorUrls[`${first} ${last}`] = `https://example.org/${encodeURIComponent(first)}`;
  }
  return publicationsSectionSchema.parse({
    name: 'Amos',
    file: 'bench.bib',
    sort_bib: true,
    group_by_year: true,
    venue_summary: true,
    author_urls: authorUrls,
  });
}

/** Load (decode + read + format + group) and render one in-memory .bib; returns milliseconds. */
function loadAndFormat(bytes, cfg) {
  const start = performance.now();
  const { section } = resolvePublications(cfg, {
    key: 'publications',
    baseDir: '/bench',
    yamlFile: 'cv.yaml',
    position: () => undefined,
    rich: (value) => parseInline(value ?? ''),
    ownerNames: [],
    readTextFile: () => ({ ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }),
    fileExists: (path) => path === '/bench/publications/bench.bib',
    lenient: false,
  });
  const markdown = renderPublicationsMarkdown(section, 'Publications', {});
  const ms = performance.now() - start;
  if (section.total === 0 || markdown.length === 0) throw new Error('benchmark produced no publications');
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

export async function benchPublications({ runs = 5 } = {}) {
  const cfg = config();
  const encoder = new TextEncoder();
  const bib10k = encoder.encode(generateBib(10_000, 1));
  const bib20k = encoder.encode(generateBib(20_000, 2));
  loadAndFormat(encoder.encode(generateBib(500, 3)), cfg); // warm up the JIT
  const times10k = [];
  const times20k = [];
  for (let i = 0; i < runs; i++) {
    times10k.push(loadAndFormat(bib10k, cfg));
    times20k.push(loadAndFormat(bib20k, cfg));
  }
  const standard10k = encoder.encode(generateBib(10_000, 4, { standard: true }));
  const timesStandard = [];
  for (let i = 0; i < runs; i++) timesStandard.push(loadAndFormat(standard10k, cfg));
  const n10k_ms = Math.round(median(times10k));
  const n20k_ms = Math.round(median(times20k));
  return {
    n10k_ms,
    n20k_ms,
    ratio: Math.round((n20k_ms / n10k_ms) * 100) / 100,
    bytes10k: bib10k.length,
    // 10,000 entries as reference managers export them (no `_venue`): the venue table at work.
    n10k_standard_ms: Math.round(median(timesStandard)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchPublications());
}
