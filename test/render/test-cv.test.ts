/**
 * The Jekyll Markdown page and the JSON Resume export of the test CV (test/fixtures/test-cv): every section of
 * the web layout and every publication reaches the page, and the export is valid JSON Resume. The HTML,
 * LaTeX and Typst targets check the same CV in their own folders.
 */
import { describe, expect, it } from 'vitest';
import type { Section, SectionType } from '../../src/model/cv.js';
import { renderJsonResume } from '../../src/render/jsonresume/index.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { SECTION_SPECS } from '../../src/resolve/registry.js';
import { layoutTitles, publicationsOf, testCv, titleText } from '../helpers/test-cv.js';
import { resumeValidator } from '../workflow/resume-schema.js';

const NOW = new Date('2024-06-05T12:00:00Z');

/** The optional fields of each section type's entries. */
const OPTIONAL: {
  readonly [T in Exclude<SectionType, 'about' | 'publications' | 'coursework'>]: readonly string[];
} = {
  news: ['date'],
  education: ['degree', 'location', 'dates', 'gpa', 'majorGpa', 'details'],
  positions: ['title', 'location', 'inlineDetail', 'details'],
  honors: ['year', 'url', 'description'],
  research: ['place', 'dates', 'advisor', 'area', 'details'],
  skills: [],
  service: ['subDetails', 'year', 'url'],
  teaching: ['semester', 'short', 'position', 'url'],
  talks: ['title', 'url', 'location', 'locationUrl', 'year'],
  advising: ['url', 'details', 'year'],
  repos: ['description', 'stars', 'homepage', 'year'],
  items: ['text', 'fields'],
  generic: ['url', 'date', 'details'],
};
const PUBLICATION_OPTIONAL = ['url', 'note', 'abstract', 'links', 'image', 'doi', 'arxivId', 'selected'];

const isEmpty = (value: unknown): boolean =>
  value === undefined || value === false || (Array.isArray(value) && value.length === 0);

function entriesOf(section: Section): readonly object[] {
  switch (section.type) {
    case 'about':
    case 'coursework':
    case 'publications':
      return [];
    case 'service':
      return section.groups.flatMap((g) => g.items);
    case 'generic':
      return section.groups.flatMap((g) => g.rows);
    default:
      return section.items;
  }
}

describe('the test CV itself', () => {
  const cv = testCv();

  it('has a section of every type', () => {
    const types = new Set([...cv.sections.values()].map((s) => s.type));
    expect([...types].sort()).toEqual(Object.keys(SECTION_SPECS).sort());
  });

  it('has every optional field present in one entry and absent in another', () => {
    const lopsided: string[] = [];
    const check = (where: string, entries: readonly object[], fields: readonly string[]) => {
      for (const field of fields) {
        const values = entries.map((e) => (e as Record<string, unknown>)[field]);
        if (values.every(isEmpty) || !values.some(isEmpty)) lopsided.push(`${where}.${field}`);
      }
    };
    for (const [type, fields] of Object.entries(OPTIONAL)) {
      const entries = [...cv.sections.values()].filter((s) => s.type === type).flatMap(entriesOf);
      check(type, entries, fields);
    }
    const publications = publicationsOf(cv);
    check('publication', publications, PUBLICATION_OPTIONAL);
    check(
      'author',
      publications.flatMap((p) => p.authors),
      ['url', 'marks'],
    );
    check('publication', publications, ['othersTruncated']);
    expect(lopsided).toEqual([]);
  });
});

describe('the Jekyll page of the test CV', () => {
  const cv = testCv();
  const page = renderMarkdown(cv, { now: NOW });

  it('has a heading for every titled section of the web layout, in order', () => {
    // `## <i class="fa fa-chevron-right"></i> Title`, and a link to the .bib source after a publications title.
    const headings = [...page.matchAll(/^## <i class="fa fa-chevron-right"><\/i> (.*?)(?: <a href=.*)?$/gm)];
    expect(headings.map((m) => m[1])).toEqual(layoutTitles(cv.layouts.web));
  });

  it('writes a row for every publication, with its number, and the legend of the second list', () => {
    for (const publication of publicationsOf(cv)) {
      expect(page, publication.key).toContain(`<tr id="tr-${publication.anchor}"`);
      expect(page, publication.key).toContain(`[${publication.label}]`);
      expect(page, publication.key).toContain(
        titleText(publication).replace('<', '&lt;').replace('>', '&gt;'),
      );
    }
    expect(page).toContain(
      'Journal articles, workshop papers and preprints; <sup>†</sup> corresponding author.',
    );
  });
});

describe('the JSON Resume export of the test CV', () => {
  const result = renderJsonResume(testCv(), {
    now: NOW,
    outDir: '/tmp/vita-out',
    pdfEngine: 'typst',
    htmlFileName: 'index.html',
  });
  const resume = JSON.parse(String(result.files[0]?.contents));

  it('is valid against the official schema, without diagnostics', () => {
    expect(result.diagnostics).toEqual([]);
    expect(resumeValidator()(resume)).toEqual([]);
  });

  it('carries the person, and the entries of each section it has a place for', () => {
    expect(resume.basics).toMatchObject({
      name: 'Elena Marković',
      email: 'elena.markovic@example.org',
      phone: '+44 131 650 1000',
    });
    expect(resume.education).toHaveLength(3);
    // Positions and research experience are both work.
    expect(resume.work).toHaveLength(6);
    expect(resume.publications).toHaveLength(publicationsOf(testCv()).length);
  });
});
