/**
 * The test CV (test/fixtures/test-cv: cv.yaml, publications/*.bib, an image), loaded once per process through
 * the library's own loader and resolver, for the renderer tests of every target. A test that needs a
 * variation derives it from the loaded model with the small helpers below; none builds a CV by hand.
 */
import path from 'node:path';
import { text } from '../../src/inline/ast.js';
import { inlineToText } from '../../src/inline/to-text.js';
import type {
  CitationStats,
  Cv,
  LayoutEntry,
  Publication,
  PublicationsSection,
  RichText,
  Section,
  SectionType,
} from '../../src/model/cv.js';
import { loadCv } from '../../src/pipeline/load-cv.js';
import { type PrintSpec, printOptions } from './print-options.js';

export const TEST_CV_DIR = path.resolve(import.meta.dirname, '../fixtures/test-cv');
export const TEST_CV_YAML = path.join(TEST_CV_DIR, 'cv.yaml');

let cached: Cv | undefined;

/** The loaded test CV. It must load without a single diagnostic: a warning here is a broken fixture. */
export function testCv(): Cv {
  if (cached === undefined) {
    const { cv, diagnostics } = loadCv([TEST_CV_YAML]);
    if (diagnostics.length > 0 || cv === undefined) {
      const lines = diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`);
      throw new Error(`test CV ${TEST_CV_YAML} does not load cleanly:\n${lines.join('\n')}`);
    }
    cached = cv;
  }
  return cached;
}

/** Plain text as rich text (`''` is absent). */
export const rich = (value: string): RichText => (value === '' ? [] : [text(value)]);

/** The section with this key, checked to be of this type. */
export function sectionOf<T extends SectionType>(
  cv: Cv,
  key: string,
  type: T,
): Extract<Section, { type: T }> {
  const section = cv.sections.get(key);
  if (section?.type !== type) throw new Error(`test CV: no ${type} section \`${key}\``);
  return section as Extract<Section, { type: T }>;
}

/** A publication's title as plain text. */
export const titleText = (publication: Publication): string => inlineToText(publication.title);

/** Every publication of a section (or of every publications section), in order. */
export function publicationsOf(cv: Cv, key?: string): Publication[] {
  return [...cv.sections.values()]
    .filter(
      (s): s is PublicationsSection => s.type === 'publications' && (key === undefined || s.key === key),
    )
    .flatMap((s) => s.lists.flatMap((l) => l.groups.flatMap((g) => g.publications)));
}

/** The publication with this BibTeX key. */
export function publicationOf(cv: Cv, key: string): Publication {
  const found = publicationsOf(cv).find((p) => p.key === key);
  if (found === undefined) throw new Error(`test CV: no publication \`${key}\``);
  return found;
}

/** Titles of the sections of a layout, as plain text (no heading: left out). */
export function layoutTitles(entries: readonly LayoutEntry[]): string[] {
  return entries.flatMap((e) => (e.kind === 'section' && e.title !== null ? [inlineToText(e.title)] : []));
}

// ------------------------------------------------------------------------------------------ variations

/** Print options changed as cv.yaml would change them; `baseDir` also moves the CV's folder. */
export function withPrint(cv: Cv, spec: PrintSpec): Cv {
  const baseDir = spec.baseDir ?? cv.baseDir;
  const changed = printOptions({ ...spec, baseDir });
  return {
    ...cv,
    baseDir,
    print: {
      ...cv.print,
      ...(spec.color === undefined ? {} : { color: changed.color }),
      ...(spec.color2 === undefined ? {} : { color2: changed.color2 }),
      ...(spec.linkColor === undefined ? {} : { linkColor: changed.linkColor }),
      ...(spec.paper === undefined ? {} : { paper: changed.paper }),
      ...(spec.theme === undefined ? {} : { theme: changed.theme }),
    },
  };
}

/** Every section passed through `replace` (same keys, same layouts). */
export function withSections(cv: Cv, replace: (section: Section) => Section): Cv {
  return { ...cv, sections: new Map([...cv.sections].map(([key, section]) => [key, replace(section)])) };
}

/** One section set (added or replaced) under its key; the layouts stay as they are. */
export function withSection(cv: Cv, section: Section): Cv {
  return { ...cv, sections: new Map(cv.sections).set(section.key, section) };
}

/** Other layouts for the web or print targets. */
export function withLayout(
  cv: Cv,
  layouts: { readonly web?: readonly LayoutEntry[]; readonly print?: readonly LayoutEntry[] },
): Cv {
  return { ...cv, layouts: { ...cv.layouts, ...layouts } };
}

/** Every publication passed through `change`. */
export function mapPublications(cv: Cv, change: (publication: Publication) => Publication): Cv {
  return withSections(cv, (section) =>
    section.type === 'publications'
      ? {
          ...section,
          lists: section.lists.map((list) => ({
            ...list,
            groups: list.groups.map((group) => ({ ...group, publications: group.publications.map(change) })),
          })),
        }
      : section,
  );
}

/** Citation counts as enrichment would add them: per paper (by key) and the author's totals. */
export function withCitations(cv: Cv, perPaper: Readonly<Record<string, number>>, stats: CitationStats): Cv {
  const cited = mapPublications(cv, (p) =>
    perPaper[p.key] === undefined ? p : { ...p, citations: perPaper[p.key] },
  );
  return { ...cited, citations: stats };
}
