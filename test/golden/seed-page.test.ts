/**
 * The Markdown target against the reference page of the original (test/fixtures/seed-reference/seed-cv-page.md),
 * section by section. The comparison folds whitespace and sorts attributes, nothing else; every remaining
 * difference is an exception below, with its name and the reason we differ.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { REPO_DIR, SEED_PAGE, useTempDirs } from '../helpers/temp-dir.js';
import { normalizeMarkup, splitSections } from './normalize.js';

const SEED = SEED_PAGE;
const tempDir = useTempDirs();

interface NamedException {
  readonly name: string;
  readonly why: string;
  /** Text of the seed page (after normalisation) ... */
  readonly seed: string;
  /** ... and what vita writes instead. */
  readonly ours: string;
}

/** Differences kept on purpose, by section title. */
const EXCEPTIONS: Readonly<Record<string, readonly NamedException[]>> = {
  Education: [
    {
      name: 'tilde-in-url',
      why: 'the original replaced every `~` with a space, also inside URLs, which broke these links; vita keeps URLs intact',
      seed: 'https://www.cs.cmu.edu/ satya/',
      ours: 'https://www.cs.cmu.edu/~satya/',
    },
    {
      name: 'tilde-in-url',
      why: 'as above',
      seed: 'https://people.cs.vt.edu/ ltw/shortvita.html',
      ours: 'https://people.cs.vt.edu/~ltw/shortvita.html',
    },
  ],
  Publications: [
    {
      name: 'year-heading',
      why: 'the seed heads its 2020 ICML paper with "2021" (the page was edited by hand); vita groups by the entry\'s `year`',
      seed: '<h2>2021</h2>',
      ours: '<h2>2020</h2>',
    },
    {
      name: 'numbering-from-a-longer-list',
      why: 'the seed was cut from a nine-paper list, so its newest paper is [9]; the example has two papers, numbered newest-highest: [2] and [1]',
      seed: '[9]',
      ours: '[2]',
    },
  ],
  'Invited Talks': [
    {
      name: 'utf8-mojibake',
      why: 'the seed shows "Tübingen" decoded as Latin-1 ("TÃ¼bingen"); vita reads and writes UTF-8',
      seed: 'TÃ¼bingen',
      ours: 'Tübingen',
    },
  ],
};

/** Repository rows of the seed end with three HTML comments left over from a commented-out template block. */
const REPO_TEMPLATE_COMMENTS: NamedException = {
  name: 'repo-template-comments',
  why: 'the seed carries `<!--  --> <!-- owner/name --> <!--  -->` in every repository row, the residue of a commented-out Jinja block; vita writes no dead comments',
  seed: '',
  ours: '',
};

function applyExceptions(seed: string, exceptions: readonly NamedException[]): string {
  let out = seed;
  for (const e of exceptions) {
    expect(out, `exception ${e.name} no longer applies: remove it`).toContain(e.seed);
    out = out.split(e.seed).join(e.ours);
  }
  return out;
}

describe.skipIf(!existsSync(SEED))('the seed page', () => {
  it('is reproduced by examples/seed, section by section', async () => {
    const out = tempDir();
    const run = await runCli([
      'build',
      path.join(REPO_DIR, 'examples/seed/cv.yaml'),
      '--only',
      'md',
      '--out',
      out,
      '--offline',
      '--date',
      '2026-11-25',
      '-q',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const ours = readFileSync(path.join(out, 'cv.md'), 'utf8');

    // Named exception `front-matter`: vita writes a Jekyll front matter (the page title); the seed shows the page body only.
    expect(ours.startsWith('---\ntitle: "Brandon Amos"\n---\n')).toBe(true);
    // Named exception `last-updated-footer`: vita ends the page with the original's "Last updated on" line; the seed was cut before it.
    expect(ours).toContain(
      '<p style="font-size: 0.85em; color: #999;">Last updated on November 25, 2026.</p>',
    );
    const body = ours
      .replace(/^---\n[\s\S]*?\n---\n/, '')
      .replace(/<p style="font-size: 0\.85em; color: #999;">Last updated on [^<]*<\/p>\s*$/, '');

    const seedSections = splitSections(readFileSync(SEED, 'utf8'));
    const ourSections = splitSections(body);
    expect([...ourSections.keys()]).toEqual([...seedSections.keys()]);
    for (const [title, seedText] of seedSections) {
      let expected = normalizeMarkup(seedText);
      if (title === 'Repositories') {
        expect(expected).toContain('<!-- --> <!-- facebookresearch/mbrl-lib --> <!-- -->');
        expected = expected.replace(/ <!-- --> <!-- [^ ]+ --> <!-- -->/g, REPO_TEMPLATE_COMMENTS.ours);
      }
      expected = applyExceptions(expected, EXCEPTIONS[title] ?? []);
      expect(normalizeMarkup(ourSections.get(title) ?? ''), `section "${title}"`).toBe(expected);
    }
  });
});
