/**
 * The fuzz suite's seeded mutator: input number `index` of seed `seed` is always the same bytes, so any
 * finding is replayed with `npm run fuzz -- --seed S --replay INDEX`. Each input starts from one of the
 * repository's CVs (the test CV, the bamos/cv corpus, the seed example), picks its YAML file or one of its
 * `.bib` files, and applies one to three mutations: byte flips, truncation, type swaps at a path of the YAML
 * (every path in turn), alias and macro bombs, deep nesting, huge values and collections, invalid UTF-8,
 * byte-order marks, NUL bytes, line-ending and indentation changes, hostile strings.
 *
 * Plain JavaScript: it runs in worker threads without a TypeScript loader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';

const REPO = path.resolve(import.meta.dirname, '../..');

/** The CVs every input starts from: a folder with `cv.yaml` and `publications/*.bib`. */
export const BASES = [
  { name: 'test-cv', dir: path.join(REPO, 'test/fixtures/test-cv') },
  { name: 'bamos-cv', dir: path.join(REPO, 'test/fixtures/bamos-cv') },
  { name: 'seed', dir: path.join(REPO, 'examples/seed') },
];

/** Strings an attacker would try: markup, scripts, TeX and Typst commands, odd Unicode, syntax of both formats. */
export const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '\\input{/etc/passwd}',
  '\\write18{touch /tmp/pwned}',
  '\\immediate\\write18{id}',
  '\\def\\x{\\x}\\x',
  '#read("/etc/passwd")',
  '#panic("x")',
  '"); #panic("x"); ("',
  '{{{{{{{{',
  '}}}}}}}}',
  '\\',
  '\\\\\\',
  '%',
  '$$$',
  '$^{$^{$^{',
  '&amp;&#0;&#xD800;&#x110000;&bogus;',
  '\u202eevil\u202c',
  '\u0000',
  '\uFEFF',
  '\uFFFF\uFFFE',
  '😀👩‍👩‍👧',
  'a\u0301\u0301\u0301\u0301',
  '@article{x,',
  '@string{a = a # a}',
  '*x',
  '&x [*x]',
  '<<: *x',
  '!!binary AAAA',
  '!!python/object:os.system',
  '? [a, b]',
  ': :',
  '- - - - -',
  '|\n  block',
  '"unclosed',
  "'unclosed",
  '# comment',
  '---\n...',
  '%YAML 1.1',
  '\\href{javascript:alert(1)}{x}',
  '\\url{https://example.org/a_b%20c}',
  `https://example.org/${'a'.repeat(9000)}`,
  'mailto:a@b',
  '//evil.example/x',
  '../../../../etc/passwd',
  '/dev/urandom',
  '~',
  'NaN',
  '1e309',
  '0x1F',
  '0o17',
  '2024-13-45',
  'yes',
  'null',
];

/** A small, fast, seeded PRNG (mulberry32). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of one input: seed and index mixed, so neighbouring indexes are unrelated. */
function inputSeed(seed, index) {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ index, 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

let loaded;

/** Each base's files (bytes) and the paths of its YAML data, loaded once per thread. */
function bases() {
  if (loaded) return loaded;
  loaded = BASES.map((base) => {
    const yaml = readFileSync(path.join(base.dir, 'cv.yaml'));
    const pubDir = path.join(base.dir, 'publications');
    const bibs = readdirSync(pubDir)
      .filter((f) => f.endsWith('.bib'))
      .sort()
      .map((f) => ({ name: `publications/${f}`, bytes: readFileSync(path.join(pubDir, f)) }));
    const data = parse(yaml.toString('utf8'), { version: '1.1', merge: true, uniqueKeys: false });
    return { ...base, yaml, bibs, data, paths: dataPaths(data) };
  });
  return loaded;
}

/** Every path into plain data (keys and indexes), the root excluded; iterative, in document order. */
function dataPaths(data) {
  const paths = [];
  const stack = [[data, []]];
  while (stack.length > 0) {
    const [node, at] = stack.pop();
    if (at.length > 0) paths.push(at);
    if (Array.isArray(node)) for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], [...at, i]]);
    else if (node && typeof node === 'object') {
      const keys = Object.keys(node);
      for (let i = keys.length - 1; i >= 0; i--) stack.push([node[keys[i]], [...at, keys[i]]]);
    }
  }
  return paths;
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const int = (rand, lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
/** A size from 1 to `max`, most of them small (log-uniform). */
const size = (rand, max) => Math.max(1, Math.floor(Math.exp(rand() * Math.log(max))));

/** Values a type swap puts at a path. */
function swapValue(rand) {
  const kinds = [
    () => null,
    () => 0,
    () => -1,
    () => 1.5,
    () => 1e308,
    () => true,
    () => false,
    () => '',
    () => 'text',
    () => pick(rand, HOSTILE),
    () => [],
    () => ({}),
    () => [pick(rand, HOSTILE), 1, null],
    () => ({ a: 1, b: [pick(rand, HOSTILE)] }),
    () => [[['deep']]],
    () => 'x'.repeat(size(rand, 300_000)),
    () => Array.from({ length: size(rand, 20_000) }, (_, i) => `item ${i}`),
  ];
  return pick(rand, kinds)();
}

function setAt(data, at, value) {
  if (at.length === 0) return value;
  let node = data;
  for (const key of at.slice(0, -1)) node = node[key];
  node[at[at.length - 1]] = value;
  return data;
}

// ------------------------------------------------------------------ mutations on bytes

const enc = (s) => Buffer.from(s, 'utf8');

function insertAt(bytes, offset, extra) {
  return Buffer.concat([bytes.subarray(0, offset), extra, bytes.subarray(offset)]);
}

/** The offset of the start of a random line. */
function lineStart(rand, bytes) {
  const at = int(rand, 0, bytes.length);
  const nl = bytes.lastIndexOf(10, at - 1);
  return nl < 0 ? 0 : nl + 1;
}

const BYTE_MUTATIONS = {
  'byte-flip': (rand, b) => {
    const out = Buffer.from(b);
    const n = size(rand, 64);
    for (let i = 0; i < n && out.length > 0; i++) out[int(rand, 0, out.length - 1)] ^= 1 << int(rand, 0, 7);
    return out;
  },
  truncate: (rand, b) => b.subarray(0, int(rand, 0, b.length)),
  'delete-slice': (rand, b) => {
    const from = int(rand, 0, b.length);
    return Buffer.concat([b.subarray(0, from), b.subarray(Math.min(b.length, from + size(rand, 4096)))]);
  },
  'duplicate-slice': (rand, b) => {
    const from = int(rand, 0, b.length);
    const slice = b.subarray(from, Math.min(b.length, from + size(rand, 2048)));
    const times = size(rand, 200);
    return insertAt(b, int(rand, 0, b.length), Buffer.concat(Array(times).fill(slice)));
  },
  hostile: (rand, b) => insertAt(b, int(rand, 0, b.length), enc(pick(rand, HOSTILE))),
  'invalid-utf8': (rand, b) =>
    insertAt(
      b,
      int(rand, 0, b.length),
      Buffer.from(
        pick(rand, [
          [0xff],
          [0xc3, 0x28],
          [0xe2, 0x82],
          [0xed, 0xa0, 0x80],
          [0xf8, 0x88, 0x80, 0x80],
          [0xc0, 0xaf],
        ]),
      ),
    ),
  bom: (rand, b) =>
    Buffer.concat([
      Buffer.from(
        pick(rand, [
          [0xef, 0xbb, 0xbf],
          [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf],
          [0xff, 0xfe],
          [0xfe, 0xff],
        ]),
      ),
      b,
    ]),
  nul: (rand, b) => {
    let out = b;
    const n = size(rand, 16);
    for (let i = 0; i < n; i++) out = insertAt(out, int(rand, 0, out.length), Buffer.from([0]));
    return out;
  },
  'line-endings': (rand, b) =>
    enc(b.toString('utf8').replace(/\n/g, pick(rand, ['\r\n', '\r', '\n\n', '\u2028']))),
  tabs: (_rand, b) => enc(b.toString('utf8').replace(/^( {2})+/gm, (m) => '\t'.repeat(m.length / 2))),
  'long-line': (rand, b) => insertAt(b, int(rand, 0, b.length), enc('y'.repeat(size(rand, 3_000_000)))),
  'many-lines': (rand, b) => Buffer.concat([b, enc('\n'.repeat(size(rand, 1_200_000)))]),
};

// ------------------------------------------------------------------ mutations of YAML

const YAML_MUTATIONS = {
  // Starts over from the base CV's data (the mutations before it are dropped from the description too).
  'type-swap': (rand, _bytes, base, index) => {
    const data = structuredClone(base.data);
    // Every path in turn (index order), so a long run swaps the type at each path of each CV.
    const at = base.paths[Math.floor(index / BASES.length) % base.paths.length];
    return enc(stringify(setAt(data, at, swapValue(rand)), { version: '1.1', lineWidth: 0 }));
  },
  'self-alias': (rand, b) =>
    Buffer.concat([
      b,
      enc(pick(rand, ['\nloop: &x [*x]\n', '\nloop: &x {a: *x}\n', '\nloop: &x\n  <<: *x\n  b: 1\n'])),
    ]),
  'alias-bomb': (rand, b) => {
    const width = int(rand, 2, 12);
    const levels = [`l0: &l0 [${Array(width).fill('"lol"').join(', ')}]`];
    for (let i = 1; i < int(rand, 3, 12); i++)
      levels.push(
        `l${i}: &l${i} [${Array(width)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      );
    return Buffer.concat([b, enc(`\n${levels.join('\n')}\n`)]);
  },
  'merge-bomb': (rand, b) => {
    let s = '\nm0: &m0 {k: v}\n';
    for (let i = 1; i <= int(rand, 3, 40); i++)
      s += `m${i}: &m${i}\n  <<: [*m${i - 1}, *m${i - 1}]\n  x${i}: *m${i - 1}\n`;
    return Buffer.concat([b, enc(s)]);
  },
  'deep-flow': (rand, b) => {
    const n = size(rand, 200_000);
    const open = pick(rand, ['[', '{', '[{']);
    const closed = rand() < 0.5;
    const close = closed ? open.replace(/\[/g, ']').replace(/\{/g, '}').split('').reverse().join('') : '';
    return insertAt(b, lineStart(rand, b), enc(`deep: ${open.repeat(n)}${close.repeat(n)}\n`));
  },
  'deep-block': (rand, b) => {
    const n = size(rand, 2000);
    let s = 'deep:\n';
    for (let i = 1; i <= n; i++) s += `${' '.repeat(i)}${rand() < 0.5 ? '-' : `k${i}:`}\n`;
    return insertAt(b, lineStart(rand, b), enc(s));
  },
  'huge-value': (rand, b) => {
    const n = size(rand, 25_000_000);
    const style = pick(rand, ['plain', 'quoted', 'block']);
    const value =
      style === 'plain'
        ? 'x '.repeat(n >> 1)
        : style === 'quoted'
          ? `"${'x'.repeat(n)}"`
          : `|\n${'  zzzzzzzzzzzzzzzzzz\n'.repeat(Math.ceil(n / 20))}`;
    return Buffer.concat([b, enc(`\nabout: ${value}\n`)]);
  },
  'many-items': (rand, b) => {
    const n = size(rand, 20_000);
    const kind = pick(rand, ['order', 'sections', 'list']);
    if (kind === 'order')
      return Buffer.concat([
        b,
        enc(`\norder:\n${Array.from({ length: n }, (_, i) => `  - [s${i}, T]\n`).join('')}`),
      ]);
    if (kind === 'sections')
      return Buffer.concat([b, enc(`\n${Array.from({ length: n }, (_, i) => `s${i}:\n  - a\n`).join('')}`)]);
    return Buffer.concat([
      b,
      enc(`\nnews:\n${Array.from({ length: n }, (_, i) => `  - {date: ${i}, info: x}\n`).join('')}`),
    ]);
  },
  'special-file': (rand, b) =>
    enc(
      b
        .toString('utf8')
        .replace(
          /file: [^\n]+/,
          `file: ${pick(rand, ['/dev/urandom', '/dev/zero', '/dev/null', '/tmp', '.', '/etc/passwd', 'missing.bib'])}`,
        ),
    ),
};

// ------------------------------------------------------------------ mutations of BibTeX

const BIB_MUTATIONS = {
  'macro-bomb': (rand, b) => {
    let s = '@string{m0 = "xy"}\n';
    const n = int(rand, 5, 40);
    for (let i = 1; i <= n; i++) s += `@string{m${i} = m${i - 1} # m${i - 1}}\n`;
    s += `@article{bomb, title = m${n}, author = {A. Person}, journal = m${n}, year = 2020}\n`;
    return Buffer.concat([enc(s), b]);
  },
  'unclosed-brace': (rand, b) =>
    insertAt(b, int(rand, 0, b.length), enc(pick(rand, ['{', '{{{', '@article{', '"', '}']))),
  'open-entry': (rand, b) => Buffer.concat([b, enc(`@article{${'\n'.repeat(size(rand, 200_000))}`)]),
  'huge-brace-group': (rand, b) => {
    const n = size(rand, 6_000_000);
    const inner = rand() < 0.5 ? 'x'.repeat(n) : '{x}'.repeat(Math.ceil(n / 3));
    return Buffer.concat([
      b,
      enc(`\n@article{huge, title = {${inner}}, author = {A. Person}, year = 2020}\n`),
    ]);
  },
  'many-entries': (rand, b) => {
    const n = size(rand, 5000);
    const entries = Array.from(
      { length: n },
      (_, i) =>
        `@misc{e${i}, title = {T ${i}}, author = {A. Person and B. Person}, year = ${2000 + (i % 30)}}\n`,
    );
    return Buffer.concat([b, enc(entries.join(''))]);
  },
  'long-author-list': (rand, b) => {
    const n = size(rand, 5000);
    const open = rand() < 0.5 ? ' {' : '';
    const authors = Array.from({ length: n }, (_, i) => `Author${i}${i % 7 === 3 ? open : ''} Name${i}`).join(
      ' and ',
    );
    return Buffer.concat([
      b,
      enc(`\n@article{authors, title = {T}, author = {${authors}}, journal = {J}, year = 2020}\n`),
    ]);
  },
  'hostile-field': (rand, b) =>
    Buffer.concat([
      b,
      enc(
        `\n@inproceedings{hostile, title = {${pick(rand, HOSTILE)}}, author = {${pick(rand, HOSTILE)}}, booktitle = {${pick(rand, HOSTILE)}}, url = {${pick(rand, HOSTILE)}}, codeurl = {${pick(rand, HOSTILE)}}, year = 2020}\n`,
      ),
    ]),
};

/**
 * Input `index` of `seed`: the base CV, the files that replace the base's (path -> bytes), whether the PDF
 * is rendered too (one input in `pdfEvery`), and a description (`base file: mutation, mutation`).
 */
export function makeInput(seed, index, options = {}) {
  const rand = prng(inputSeed(seed, index));
  const all = bases();
  const base = all[index % all.length];
  const mutateYaml = rand() < 0.6 || base.bibs.length === 0;
  const target = mutateYaml ? { name: 'cv.yaml', bytes: base.yaml } : pick(rand, base.bibs);
  const table = mutateYaml
    ? { ...BYTE_MUTATIONS, ...YAML_MUTATIONS }
    : { ...BYTE_MUTATIONS, ...BIB_MUTATIONS };
  const names = Object.keys(table);
  const applied = [];
  let bytes = target.bytes;
  for (let i = 0, n = int(rand, 1, 3); i < n; i++) {
    const name = pick(rand, names);
    bytes = table[name](rand, bytes, base, index);
    if (name === 'type-swap') applied.length = 0;
    applied.push(name);
  }
  const pdfEvery = options.pdfEvery ?? 10;
  return {
    base: base.name,
    baseDir: base.dir,
    files: { [target.name]: bytes },
    pdf: pdfEvery > 0 && index % pdfEvery === 0,
    kind: mutateYaml ? 'yaml' : 'bibtex',
    description: `${base.name} ${target.name}: ${applied.join(', ')}`,
  };
}
