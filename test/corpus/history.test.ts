/**
 * bamos/cv's own cv.yaml through 13 years (../shared/corpus/bamos-cv-history, one folder per quarter): each
 * is built plainly (no flags, offline) to Markdown, HTML, LaTeX source and JSON Resume, and the page must show
 * the titles of (nearly) all the entries of the .bib files the YAML names. DESIGN.md section 0: all must build.
 *
 * Cases still failing are listed in the table printed once; the assertion is a floor (`PASSING_AT_LEAST`) to
 * be raised as section shapes and BibTeX quirks are handled.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderCv } from '../../src/pipeline/build.js';
import type { TargetName } from '../../src/render/shared/target.js';
import { HISTORY_DIR, historyPresent } from '../helpers/history.js';

const present = historyPresent('bamos/cv history builds');

/** Cases that build with no error and show >= 95% of their titles: all of them (the issue asked for 44 of 46). */
const PASSING_AT_LEAST = 46;
/** The share of .bib titles the page must show. */
const TITLE_SHARE = 0.95;

/**
 * Every target that needs no external program, the PDF (built-in Typst) included: it takes a case from about
 * 0.3 s to about 1 s on a 2-core machine, which CI can afford for the promise that every case builds.
 */
const TARGETS: TargetName[] = ['md', 'html', 'tex', 'json', 'pdf'];

interface Outcome {
  readonly name: string;
  readonly errors: number;
  readonly warnings: number;
  readonly firstError: string;
  readonly titles: number;
  readonly shown: number;
  readonly ms: number;
  readonly passed: boolean;
}

/** Letters and digits only, accents and LaTeX commands removed: compares a .bib title with a page. */
function squash(text: string): string {
  return text
    .replace(/\\[a-zA-Z]+\s*/g, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The `title` fields of a .bib file, read with a scanner of its own (independent of vita's reader). */
function bibTitles(text: string): string[] {
  const titles: string[] = [];
  const field = /(?<![A-Za-z_])title\s*=\s*/gi;
  for (let m = field.exec(text); m; m = field.exec(text)) {
    let i = m.index + m[0].length;
    const open = text[i];
    if (open !== '{' && open !== '"') continue;
    let depth = 0;
    const start = i + 1;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\\') i += 1;
      else if (c === '{') depth += 1;
      else if (c === '}') {
        depth -= 1;
        if (open === '{' && depth === 0) break;
      } else if (c === '"' && open === '"' && depth === 0 && i > start - 1) break;
    }
    titles.push(text.slice(start, i));
  }
  return titles;
}

/** The indented block under a top-level key (`key:` at column 0), comments and blank lines included. */
function topLevelBlock(yaml: string, key: string): string | undefined {
  const at = new RegExp(`^${key}:[^\\n]*\\n`, 'm').exec(yaml);
  if (!at) return undefined;
  const rest = yaml.slice(at.index + at[0].length);
  const end = rest.search(/^[^\s#]/m);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The keys the page shows: the entries of `order_md` (else `order`) that are not commented out. */
function pageKeys(yaml: string): string[] | undefined {
  const order = topLevelBlock(yaml, 'order_md') ?? topLevelBlock(yaml, 'order');
  if (order === undefined) return undefined;
  return [...order.matchAll(/^\s*-\s*\[\s*['"]?([\w-]+)/gm)].map((m) => m[1] as string);
}

/**
 * The .bib files the page shows (`file: x.bib` under a key of the page's order; every one named when there
 * is no order), found beside the YAML or in its `publications/` folder. Lists the original left out of
 * its order (2016-12: `all_publications` commented out) are not on its page either.
 */
function namedBibFiles(dir: string, yaml: string): string[] {
  const keys = pageKeys(yaml);
  const blocks = keys === undefined ? [yaml] : keys.map((k) => topLevelBlock(yaml, k) ?? '');
  const names = blocks.flatMap((b) =>
    [...b.matchAll(/^\s*-?\s*file:\s*['"]?([^'"\s#]+)/gm)].map((m) => m[1] as string),
  );
  return [...new Set(names)]
    .map((name) => [path.join(dir, 'publications', name), path.join(dir, name)].find((f) => existsSync(f)))
    .filter((f): f is string => f !== undefined);
}

const htmlText = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&[#a-z0-9]+;/gi, ' ');

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

async function buildCase(name: string): Promise<Outcome> {
  const dir = path.join(HISTORY_DIR, name);
  const yaml = path.join(dir, 'cv.yaml');
  const yamlText = readFileSync(yaml, 'utf8');
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'vita-history-'));
  made.push(cacheDir);
  const start = performance.now();
  const result = await renderCv({
    files: [yaml],
    outDir: path.join(cacheDir, 'out'),
    targets: TARGETS,
    now: new Date('2026-11-25T00:00:00Z'),
    enrich: { cacheDir, offline: true, quiet: true },
  });
  const ms = performance.now() - start;
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0];
  const firstError = first
    ? `${first.position ? `${path.basename(first.position.file)}:${first.position.line}:${first.position.column} ` : ''}${first.code}: ${first.message}`
    : '';
  const titles = namedBibFiles(dir, yamlText).flatMap((f) => bibTitles(readFileSync(f, 'utf8')));
  const unique = [...new Set(titles.map(squash).filter((t) => t.length > 0))];
  const pages = result.files
    .filter((f) => f.path.endsWith('.md') || f.path.endsWith('.html'))
    .map((f) => {
      const text = typeof f.contents === 'string' ? f.contents : Buffer.from(f.contents).toString('utf8');
      return squash(f.path.endsWith('.html') ? htmlText(text) : text);
    });
  const shown = Math.max(0, ...pages.map((page) => unique.filter((t) => page.includes(t)).length));
  const passed = errors.length === 0 && shown >= Math.ceil(unique.length * TITLE_SHARE);
  return {
    name,
    errors: errors.length,
    warnings: result.diagnostics.length - errors.length,
    firstError,
    titles: unique.length,
    shown,
    ms,
    passed,
  };
}

describe.skipIf(!present)('bamos/cv history: every quarter builds plainly', () => {
  const cases = present
    ? readdirSync(HISTORY_DIR).filter((c) => existsSync(path.join(HISTORY_DIR, c, 'cv.yaml')))
    : [];

  it('builds, and shows the titles of the .bib entries', { timeout: 600_000 }, async () => {
    const outcomes: Outcome[] = [];
    for (const name of cases) outcomes.push(await buildCase(name));
    const rows = outcomes.map(
      (o) =>
        `| ${o.name} | ${o.passed ? 'pass' : 'FAIL'} | ${o.errors} | ${o.warnings} | ${o.shown}/${o.titles} | ${Math.round(o.ms)} | ${o.firstError.replace(/\|/g, '\\|').slice(0, 140)} |`,
    );
    const passing = outcomes.filter((o) => o.passed).length;
    console.log(
      [
        `bamos/cv history: ${passing}/${outcomes.length} cases pass (targets: ${TARGETS.join(', ')})`,
        '| case | outcome | errors | warnings | titles shown | ms | first error |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        ...rows,
      ].join('\n'),
    );
    expect(cases.length).toBeGreaterThanOrEqual(46);
    expect(passing).toBeGreaterThanOrEqual(PASSING_AT_LEAST);
  });
});
