/**
 * The Jekyll Markdown page and the JSON Resume export of the test CV (test/fixtures/test-cv): every section of
 * the web layout and every publication reaches the page, and the export is valid JSON Resume. The HTML,
 * LaTeX and Typst targets check the same CV in their own folders.
 */
import { describe, expect, it } from 'vitest';
import { renderJsonResume } from '../../src/render/jsonresume/index.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { layoutTitles, publicationsOf, testCv, titleText } from '../helpers/test-cv.js';
import { resumeValidator } from '../workflow/resume-schema.js';

const NOW = new Date('2024-06-05T12:00:00Z');

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
