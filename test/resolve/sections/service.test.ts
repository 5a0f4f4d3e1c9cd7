import { describe, expect, it } from 'vitest';
import { plain, resolveSnippet } from './helpers.js';

describe('service', () => {
  it('reads bamos/cv 2018-2019 entries {title, details} as "title: details"', () => {
    const r = resolveSnippet(`service:
  - title: Reviewer
    details: ICML 2018, NeurIPS 2018
  - title: Admissions
    details: CMU CSD MS 2014-2015
`);
    expect(r.diagnostics).toEqual([]);
    const [g] = r.section('service', 'service').groups;
    expect(g?.items.map((i) => plain(i.details))).toEqual([
      'Reviewer: ICML 2018, NeurIPS 2018',
      'Admissions: CMU CSD MS 2014-2015',
    ]);
    expect(r.markdown()).toContain('Reviewer: ICML 2018, NeurIPS 2018');
  });

  it('still reads groups of lines and {details, sub_details, year, url}', () => {
    const r = resolveSnippet(`service:
  main:
    - details: Co-organizer, workshop
      sub_details: with others
      year: 2021
      url: https://example.org
  reviewing:
    - ICML
`);
    expect(r.diagnostics).toEqual([]);
    const s = r.section('service', 'service');
    expect(s.groups.map((g) => g.key)).toEqual(['main', 'reviewing']);
    expect(plain(s.groups[0]?.items[0]?.year ?? [])).toBe('2021');
  });

  it('an unknown key shows after the sub-details, with a warning', () => {
    const r = resolveSnippet(`service:
  - details: Program committee
    venue: ICML
`);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(['unknown-key']);
    expect(plain(r.section('service', 'service').groups[0]?.items[0]?.subDetails ?? [])).toBe('venue: ICML');
  });
});
