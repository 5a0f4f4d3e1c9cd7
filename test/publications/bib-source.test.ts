import { describe, expect, it } from 'vitest';
import type { PublicationList, PublicationsSection } from '../../src/model/cv.js';
import { bibSourceUrl } from '../../src/render/shared/bib-source.js';

const list = (over: Partial<PublicationList> = {}): PublicationList => ({
  heading: null,
  prefix: '',
  file: 'all.bib',
  files: ['all.bib'],
  groups: [],
  ...over,
});
const section = (over: Partial<PublicationsSection> = {}): PublicationsSection =>
  ({
    type: 'publications',
    key: 'pubs',
    lists: [],
    venueSummary: [],
    showCitations: false,
    total: 0,
    ...over,
  }) as PublicationsSection;
const SRC = 'https://github.com/me/cv/';

describe('bibSourceUrl', () => {
  it('links <src>/blob/master/<path>, each segment encoded', () => {
    expect(bibSourceUrl(section(), list(), SRC)).toBe(
      'https://github.com/me/cv/blob/master/publications/all.bib',
    );
    expect(bibSourceUrl(section(), list({ sourcePaths: ['my pubs/a#b.bib'] }), SRC)).toBe(
      'https://github.com/me/cv/blob/master/my%20pubs/a%23b.bib',
    );
  });

  it('honours show_bib_link: false and bib_url', () => {
    expect(bibSourceUrl(section({ showBibLink: false }), list(), SRC)).toBeUndefined();
    expect(bibSourceUrl(section({ bibUrl: 'https://example.org/x.bib' }), list(), undefined)).toBe(
      'https://example.org/x.bib',
    );
    expect(bibSourceUrl(section({ bibUrl: 'javascript:alert(1)' }), list(), SRC)).toBeUndefined();
  });

  it('links nothing for several files, a path outside the folder, or no source', () => {
    expect(bibSourceUrl(section(), list({ sourcePaths: ['a.bib', 'b.bib'] }), SRC)).toBeUndefined();
    expect(bibSourceUrl(section(), list({ sourcePaths: ['../a.bib'] }), SRC)).toBeUndefined();
    expect(bibSourceUrl(section(), list({ sourcePaths: ['x/../../a.bib'] }), SRC)).toBeUndefined();
    expect(bibSourceUrl(section(), list({ sourcePaths: ['/etc/a.bib'] }), SRC)).toBeUndefined();
    expect(bibSourceUrl(section(), list(), undefined)).toBeUndefined();
  });
});
