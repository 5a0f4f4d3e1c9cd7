/**
 * The fast reader of common YAML (src/load/common-yaml.ts) against the `yaml` package: whenever it accepts
 * a text, YamlSource must give exactly what the `yaml` package's reading gives (nodes, data, diagnostics,
 * positions; test/load/common-yaml-compare.ts). Checked on every YAML file of the repository and of the
 * shared corpus, and on thousands of seeded mutations of them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Document } from 'yaml';
import { MAY_BE_TYPED, readCommonYaml } from '../../src/load/common-yaml.js';
import { HISTORY_DIR, historyPresent } from '../helpers/history.js';
import { registerSkip } from '../helpers/skips.js';
import { REPO_DIR, SHARED_DIR } from '../helpers/temp-dir.js';
import { compareReaders } from './common-yaml-compare.js';

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) out.push(...yamlFiles(file));
    else if (/\.ya?ml$/.test(name)) out.push(file);
  }
  return out.sort();
}

const CORPUS = path.join(SHARED_DIR, 'corpus');
const REPO_FILES = [
  ...yamlFiles(path.join(REPO_DIR, 'test/fixtures')),
  ...yamlFiles(path.join(REPO_DIR, 'examples')),
];
const corpusPresent = existsSync(path.join(CORPUS, 'bamos-cv/cv.yaml'));
if (!corpusPresent)
  registerSkip(
    'fast YAML reader on the corpus',
    `put the corpus at ${CORPUS} (../shared beside the repository)`,
  );
const CORPUS_FILES = corpusPresent ? yamlFiles(CORPUS) : [];
const HISTORY_FILES = historyPresent('fast YAML reader on the history corpus')
  ? CORPUS_FILES.filter((f) => f.startsWith(HISTORY_DIR) && f.endsWith('cv.yaml'))
  : [];

const read = (file: string) => readFileSync(file, 'utf8');
/** A file's name in a test's title: in the repository, or `shared/...`. */
const relative = (file: string) =>
  file.startsWith(REPO_DIR) ? path.relative(REPO_DIR, file) : path.relative(path.dirname(SHARED_DIR), file);
const cases = (files: readonly string[]) => files.map((file) => ({ name: relative(file), file }));

describe('the fast YAML reader reads as the yaml package does', () => {
  it.each(cases(REPO_FILES))('$name', ({ file }) => {
    const { differences } = compareReaders(read(file));
    expect(differences).toEqual([]);
  });

  it.runIf(corpusPresent).each(cases(CORPUS_FILES))('$name', ({ file }) => {
    const { differences } = compareReaders(read(file));
    expect(differences).toEqual([]);
  });

  it('accepts the CV files of the repository', () => {
    for (const file of [
      'test/fixtures/bamos-cv/cv.yaml',
      'test/fixtures/test-cv/cv.yaml',
      'examples/seed/cv.yaml',
    ])
      expect(readCommonYaml(read(path.join(REPO_DIR, file))), file).toBeDefined();
  });

  it.runIf(corpusPresent)('accepts the corpus CV and the history versions written as plain YAML', () => {
    expect(readCommonYaml(read(path.join(CORPUS, 'bamos-cv/cv.yaml')))).toBeDefined();
    const refused = HISTORY_FILES.filter((f) => readCommonYaml(read(f)) === undefined);
    console.log(
      `fast YAML reader: ${HISTORY_FILES.length - refused.length} of ${HISTORY_FILES.length} history files`,
    );
    // 45 of the 46 (the other has an unknown escape, `\h`).
    if (HISTORY_FILES.length > 0) expect(HISTORY_FILES.length - refused.length).toBeGreaterThanOrEqual(45);
  });

  it.each([
    'a: one\n  two\n\n\n  three\n\n  four   \nb: 1\n',
    "a: 'one\n  two\n\n\n  three '' four'\n",
    'a: "one \\" \\x41\\u00e9\\U0001F600\n\n  two  \n  three"  # c\n',
    'a: |\n  x\n   more\n\n  y\n\n\nb: >\n  p\n  q\n\n\n  r\n    indented\n  s\n',
    'a: |+\n  x\n\n\nb: >-\n  x\n     \n\nc: |-\n\n  x\n  # not a comment\n# a comment\n',
    '---\n# c\na:\n- x\n-\n- - \n  y: 1\n  z:\n    - [a, "b", {c: d, e: [1, 2]}]\n',
    'a: 1\nb: yes\nc: ~\nd: 0x1F\ne: 1:20\nf: 2020-01-02\ng: .inf\nh: 1e3\n"q": 1\n\'r\': 2\n1: x\nnull: y\n',
    'a:\n  b:\n    c: d\n    e:\n  f: g\n  # trailing comment\n\n',
    'a: x # c\na: y\nb: {}\nc: []\n',
    'a: 1 # a\ttab\n#\tcomment line\t\nb:\n  - x # \t\n  # \t\n  - |\n    y\n  # \tafter\n',
    'a: "one\ntwo"\nb:\n  - c: 1\n    d: \'x\n    y\n\n    z\'\n  - "p\n  q"\n',
  ])('reads %j as the yaml package does', (text) => {
    const { accepted, differences } = compareReaders(text);
    expect(differences).toEqual([]);
    expect(accepted).toBe(!text.includes('- - '));
  });

  it('skips the typed-value expressions only for text they cannot match', () => {
    const tags = (
      new Document(undefined, { version: '1.1' }).schema as unknown as {
        tags: { default?: unknown; test?: RegExp }[];
      }
    ).tags
      .filter((t) => t.default === true && t.test !== undefined)
      .map((t) => t.test as RegExp);
    const alphabet = [...'0123456789+-.:_~ eExXbBoOaAnNiIfFlLsSuUyYtTrRwWzZ#éä😀'];
    const strings = [''];
    for (let length = 1; length <= 3; length++)
      for (const s of strings.filter((x) => x.length === length - 1))
        strings.push(...alphabet.map((c) => s + c));
    strings.push(
      '2001-12-14t21:59:43.10-05:00',
      '190:20:30.15',
      '0x_1F',
      '-.inf',
      '.NaN',
      '0b1_0',
      '685_230.15',
    );
    for (const s of strings)
      if (tags.some((t) => t.test(s))) expect(MAY_BE_TYPED.test(s), JSON.stringify(s)).toBe(true);
  });

  it('gives up on what it does not read', () => {
    for (const text of [
      'a: &x 1\nb: *x\n',
      'a:\n  <<: {b: 1}\n',
      'a: !!str 1\n',
      '? a\n: b\n',
      '%YAML 1.1\n---\na: 1\n',
      'a: 1\n---\nb: 2\n',
      'a:\t1\n',
      'a: x\t# tab before the comment\n',
      'a: |\n  x\t# content, not a comment\n',
      '\t# indented with a tab\na: 1\n',
      'a: 1\r\n',
      '\ufeffa: 1\n',
      'a: [1,\n  2]\n',
      'a: [[[[[[[[[1]]]]]]]]]\n',
      'a: |2\n   x\n',
      'a:\n  - b: "x\n   y"\n',
      'a: b: c\n',
      'just text\n',
      '',
    ])
      expect(readCommonYaml(text), JSON.stringify(text)).toBeUndefined();
  });
});

/** A small seeded generator (mulberry32): the same mutations on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the mutations insert: YAML's indicators, escapes, odd characters, line breaks, typed values. */
const INSERTS = [
  ...`' " '' "" : :  # # [ ] { } , - ? | > |- >+ &a *a ! % @ \` \\ \\n \\x4 \\u00e9 é 中文 😀`.split(' '),
  ...[
    '\u00a0',
    '\u2028',
    '\ud800',
    '\t',
    '\r',
    ' ',
    '  ',
    '\n',
    '\n\n',
    '\n  ',
    '\n    ',
    ': ',
    ' #',
    ', ',
    '- ',
    '? ',
    '&a ',
  ],
  ...`--- ... ~ null yes 0o7 010 1:20 2020-01-02 .inf << a:_b [a,_b] {a:_1} "x\\"y" 'it''s'`
    .split(' ')
    .map((s) => s.replace(/_/g, ' ')),
];

function mutate(text: string, next: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const lines = text.split('\n');
  const at = Math.floor(next() * lines.length);
  const line = lines[at] ?? '';
  switch (Math.floor(next() * 12)) {
    case 0:
      lines.splice(at, 1);
      break;
    case 1:
      lines.splice(at, 0, line);
      break;
    case 2:
      lines[at] = ' '.repeat(1 + Math.floor(next() * 3)) + line;
      break;
    case 3:
      lines[at] = line.replace(/^ {1,2}/, '');
      break;
    case 4:
    case 5:
    case 6: {
      const col = Math.floor(next() * (line.length + 1));
      lines[at] = line.slice(0, col) + pick(INSERTS) + line.slice(col);
      break;
    }
    case 7: {
      const other = Math.floor(next() * lines.length);
      lines[at] = lines[other] ?? '';
      lines[other] = line;
      break;
    }
    case 8:
      lines[at] = `${line}${lines[at + 1] ?? ''}`;
      lines.splice(at + 1, 1);
      break;
    case 9:
      lines[at] = `${line} ${'long words '.repeat(1 + Math.floor(next() * 200))}`;
      break;
    case 10:
      return next() < 0.5 ? lines.join('\r\n') : `\ufeff${lines.join('\n')}`;
    default: {
      const col = Math.floor(next() * (line.length + 1));
      lines[at] = line.slice(0, col) + line.slice(col + 1 + Math.floor(next() * 3));
    }
  }
  return lines.join('\n');
}

/** A window of 5-40 lines of a file: small texts keep each comparison fast. */
function window(text: string, next: () => number): string {
  const lines = text.split('\n');
  // From a line at column 0 (a top-level key or list item), where a document may start.
  const starts = lines.flatMap((line, i) => (/^[^\s#]/.test(line) ? [i] : []));
  const start = starts[Math.floor(next() * starts.length)] ?? 0;
  return lines.slice(start, start + 5 + Math.floor(next() * 36)).join('\n');
}

describe('the fast YAML reader on mutated files', () => {
  // Mutations of files the fast reader accepts as they are: the bad-input fixtures, mutated, are mostly
  // still refused, and a clone without the corpus would then compare too few texts to mean much.
  const sources = [...REPO_FILES, ...CORPUS_FILES].map(read).filter((text) => compareReaders(text).accepted);
  const COUNT = Number(process.env.VITA_YAML_MUTATIONS ?? 3000);
  const SEED = Number(process.env.VITA_YAML_SEED ?? 20261202);

  it(`reads ${COUNT} seeded mutations as the yaml package does, when it accepts them`, () => {
    const next = random(SEED);
    let accepted = 0;
    const failures: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      let text = window(sources[Math.floor(next() * sources.length)] as string, next);
      const mutations = 1 + Math.floor(next() * 3);
      for (let m = 0; m < mutations; m++) text = mutate(text, next);
      const result = compareReaders(text);
      if (result.accepted) accepted++;
      if (result.differences.length > 0 && failures.length < 5)
        failures.push(`#${i} ${JSON.stringify(text)}\n  ${result.differences.join('\n  ')}`);
    }
    console.log(`fast YAML reader: ${accepted} of ${COUNT} mutations accepted`);
    expect(failures).toEqual([]);
    // Most mutations leave valid YAML of the common kind: the comparison is not vacuous.
    expect(accepted).toBeGreaterThan(COUNT / 4);
  });

  it.runIf(corpusPresent)('reads mutations of the whole corpus CV as the yaml package does', () => {
    const next = random(7);
    const cv = read(path.join(CORPUS, 'bamos-cv/cv.yaml'));
    for (let i = 0; i < 20; i++) {
      const { differences } = compareReaders(mutate(mutate(cv, next), next));
      expect(differences, `mutation ${i}`).toEqual([]);
    }
  });
});
