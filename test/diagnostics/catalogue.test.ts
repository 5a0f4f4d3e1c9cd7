import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DIAGNOSTIC_CATALOGUE,
  DIAGNOSTIC_STAGES,
  renderErrorsMarkdown,
} from '../../src/diagnostics/catalogue.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Files that list codes rather than emit them: scanning them would make every entry look used. */
const LISTING_FILES = new Set(['src/diagnostics/catalogue.ts']);

/** String literals in `code:` positions that are not diagnostic codes (a zod issue code, an HTTP header value). */
const NOT_CODES = new Set(['custom', 'no-store']);

/** The prefixes of code families: a literal with one of them is a code wherever it appears (e.g. an argument). */
const CODE_PREFIXES = [
  'bibtex',
  'publication',
  'html',
  'latex',
  'typst',
  'enrich',
  'import',
  'check',
  'link',
  'watch',
  'image',
  'jsonresume',
  'yaml',
  'file',
];

const CODE_PATTERNS: readonly RegExp[] = [
  // `code: 'unknown-key'`, in a diagnostic, a `Failure`, or anything else that carries a code.
  /\bcode:\s*'([^'\\\n]*)'/g,
  // `code: cond ? 'latex-not-installed' : 'latex-compile'`.
  /\bcode:\s*[^,'\n]*\?\s*'([^'\\\n]*)'\s*:\s*'([^'\\\n]*)'/g,
  // The BibTeX reader's `this.report('warning', 'bibtex-stray-at', ...)`.
  /\breport\(\s*'(?:error|warning)',\s*'([^'\\\n]*)'/g,
  // Any literal of a code family, e.g. passed as an argument.
  new RegExp(`'((?:${CODE_PREFIXES.join('|')})-[a-z0-9]+(?:-[a-z0-9]+)*)'`, 'g'),
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.isFile() && entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every code emitted in src/, with the first place it appears (`file:line`). */
function codesInSource(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles(path.join(root, 'src')).sort()) {
    const relative = path.relative(root, file).split(path.sep).join('/');
    if (LISTING_FILES.has(relative)) continue;
    const text = readFileSync(file, 'utf8');
    for (const pattern of CODE_PATTERNS) {
      for (const match of text.matchAll(pattern)) {
        const line = text.slice(0, match.index).split('\n').length;
        for (const code of match.slice(1)) {
          if (code === undefined || NOT_CODES.has(code) || found.has(code)) continue;
          found.set(code, `${relative}:${line}`);
        }
      }
    }
  }
  return found;
}

describe('the error catalogue', () => {
  const used = codesInSource();

  it('the scan finds codes in every form they are written in', () => {
    // `code:` properties, bare codes, a ternary, and codes passed as arguments.
    for (const code of [
      'yaml-syntax',
      'unknown-key',
      'internal',
      'markup',
      'latex-compile',
      'bibtex-stray-at',
    ])
      expect(used.has(code), code).toBe(true);
    expect(used.size).toBeGreaterThan(70);
  });

  it('lists every code used in src/', () => {
    const missing = [...used].filter(([code]) => !Object.hasOwn(DIAGNOSTIC_CATALOGUE, code));
    expect(
      missing.map(([code, where]) => `${code} (${where})`),
      'codes used in src/ but missing from src/diagnostics/catalogue.ts',
    ).toEqual([]);
  });

  it('has no entry that src/ no longer uses', () => {
    const dead = Object.keys(DIAGNOSTIC_CATALOGUE).filter((code) => !used.has(code));
    expect(dead, 'entries of src/diagnostics/catalogue.ts that no file in src/ emits').toEqual([]);
  });

  it('gives each code one stage, a kebab-case name and a complete entry', () => {
    const staged = DIAGNOSTIC_STAGES.flatMap((stage) => Object.keys(stage.codes));
    expect(staged.length, 'a code is listed in two stages').toBe(new Set(staged).size);
    expect(new Set(staged)).toEqual(new Set(Object.keys(DIAGNOSTIC_CATALOGUE)));
    for (const [code, entry] of Object.entries(DIAGNOSTIC_CATALOGUE)) {
      expect(code).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(['error', 'warning', 'error or warning']).toContain(entry.severity);
      expect(entry.title.trim(), code).not.toBe('');
      expect(entry.title, code).not.toMatch(/\.$/);
      expect(entry.explanation, code).toMatch(/\.$/);
    }
  });

  it('docs/errors.md is generated from the current catalogue', () => {
    let committed = '';
    try {
      committed = readFileSync(path.join(root, 'docs/errors.md'), 'utf8');
    } catch {
      // Missing: reported as stale below.
    }
    expect(
      committed,
      'docs/errors.md is stale: run `npm run build`, then `node scripts/gen-errors-doc.js`',
    ).toBe(renderErrorsMarkdown());
  });
});
