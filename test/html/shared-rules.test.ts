/** Rules the targets share (src/model/social.ts, src/publications/): the web page follows them too. */
import { describe, expect, it } from 'vitest';
import { socialToProfile } from '../../src/jsonresume/profiles.js';
import type { Cv, PublicationsSection } from '../../src/model/cv.js';
import { renderHtml } from '../../src/render/html/index.js';
import { contactLinks } from '../../src/render/html/social.js';
import { lineText } from '../../src/render/jsonresume/values.js';
import {
  isWebUrl,
  printLabel,
  profileUrl,
  socialLink,
  withoutScheme,
} from '../../src/render/shared/social.js';
import { mapPublications, rich, withSections } from '../helpers/test-cv.js';
import { pageCv, pageOptions } from './page-cvs.js';

describe('social networks (src/model/social.ts)', () => {
  it('encodes each path segment and refuses `.` and `..` segments', () => {
    expect(profileUrl('dblp', '75/8682')).toBe('https://dblp.org/pid/75/8682');
    expect(profileUrl('github', '@a b?c')).toBe('https://github.com/a%20b%3Fc');
    expect(profileUrl('github', '../evil')).toBeUndefined();
    expect(profileUrl('gitlab', 'a/./b')).toBeUndefined();
    expect(profileUrl('dblp', '75//8682')).toBeUndefined();
    expect(profileUrl('mastodon', 'me')).toBeUndefined();
    expect(profileUrl('toString', 'me')).toBeUndefined();
  });

  it('labels, links and strips schemes', () => {
    expect(printLabel('twitter', '@me')).toBe('@me');
    expect(printLabel('linkedin', 'me')).toBe('linkedin.com/in/me');
    expect(printLabel('google_scholar', 'X1')).toBe('Google Scholar');
    expect(socialLink('google_scholar', ' https://scholar.google.com/citations?user=X1 ')).toBe(
      'https://scholar.google.com/citations?user=X1',
    );
    expect(withoutScheme(' https://example.org/ ')).toBe('example.org');
    expect([isWebUrl(' HTTPS://x.org'), isWebUrl('x.org')]).toEqual([true, false]);
  });

  it('gives the web page and JSON Resume the same URLs, in the written order', () => {
    const social = { dblp: '75/8682', gitlab: 'me', github: '..' };
    const cv = pageCv();
    const links = contactLinks({ ...cv.person, social }).filter((l) => l.kind in social);
    expect(links.map((l) => [l.kind, l.label, l.href])).toEqual([
      ['dblp', 'dblp', 'https://dblp.org/pid/75/8682'],
      ['gitlab', 'GitLab', 'https://gitlab.com/me'],
    ]);
    expect(socialToProfile('dblp', '75/8682')).toEqual({
      network: 'dblp',
      username: '75/8682',
      url: 'https://dblp.org/pid/75/8682',
    });
  });
});

describe('the web page', () => {
  const render = (cv: Cv): string => renderHtml(cv, pageOptions).files[0]?.contents.toString() ?? '';
  const withPublications = (cv: Cv, change: (s: PublicationsSection) => PublicationsSection): Cv => {
    const sections = new Map(cv.sections);
    for (const [key, section] of sections)
      if (section.type === 'publications') sections.set(key, change(section));
    return { ...cv, sections };
  };

  it('honours show_bib_link, bib_url and the source paths for the .bib link', () => {
    const cv = pageCv();
    expect(render(cv)).toContain('https://github.com/emarkovic/cv/blob/master/publications/all.bib');
    const hidden = render(withPublications(cv, (s) => ({ ...s, showBibLink: false })));
    expect(hidden).not.toContain('BibTeX source');
    const custom = render(withPublications(cv, (s) => ({ ...s, bibUrl: 'https://example.org/mine.bib' })));
    expect(custom).toContain('href="https://example.org/mine.bib"');
    const paths = render(
      withPublications(cv, (s) => ({
        ...s,
        lists: s.lists.map((l) => ({ ...l, sourcePaths: ['refs/my.bib'] })),
      })),
    );
    expect(paths).toContain('https://github.com/emarkovic/cv/blob/master/refs/my.bib');
  });

  it('floors star counts (1,960 -> 1.9k) and ends one truncated author with "et al."', () => {
    const starred = withSections(pageCv(), (section) =>
      section.type === 'repos'
        ? { ...section, items: section.items.map((item) => ({ ...item, stars: 1960 })) }
        : section,
    );
    const page = render(
      mapPublications(starred, (p) => ({
        ...p,
        authors: p.authors.slice(0, 1).map((a) => ({ ...a, name: rich('Solo Author') })),
        othersTruncated: true,
      })),
    );
    expect(page).toContain('1.9k');
    expect(page).not.toMatch(/>2k</);
    expect(page).toContain('<strong>Solo Author</strong> et al.</div>');
    expect(page).not.toContain(', et al.');
  });
});

describe('JSON Resume text', () => {
  it('keeps tag-like text from a .bib and strips only raw HTML nodes', () => {
    expect(lineText([{ type: 'text', value: 'Learning with <unk> tokens' }])).toBe(
      'Learning with <unk> tokens',
    );
    expect(lineText([{ type: 'html', value: '<b>bold</b> &amp; <script>x()</script>plain' }])).toBe(
      'bold & plain',
    );
  });
});
