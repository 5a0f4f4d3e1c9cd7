import { describe, expect, it } from 'vitest';
import { plain, plainLines, resolveSnippet } from './helpers.js';

describe('teaching', () => {
  it('reads the shape since 2015: {semester, name, short, position}', () => {
    const r = resolveSnippet(`teaching:
  - semester: S2016
    name: Deep Learning
    short: 10-807
    position: TA
`);
    expect(r.diagnostics).toEqual([]);
    const [t] = r.section('teaching', 'teaching').items;
    expect([
      plain(t?.semester ?? []),
      plain(t?.name ?? []),
      plain(t?.short ?? []),
      plain(t?.position ?? []),
    ]).toEqual(['S2016', 'Deep Learning', '10-807', 'TA']);
  });

  it('reads bamos/cv 2013-2014 job-shaped entries {university | place, location, title, dates, details} as positions', () => {
    for (const placeKey of ['university', 'place']) {
      const r = resolveSnippet(`teaching:
  - ${placeKey}: Virginia Tech Computer Science Department
    location: Blacksburg, Virginia
    title: Undergraduate Teaching Assistant
    dates: January 2013--May 2013
    details:
      - Assisted students in a software design class.
`);
      expect(r.diagnostics).toEqual([]);
      const [p] = r.section('teaching', 'positions').items;
      expect(plain(p?.place ?? [])).toBe('Virginia Tech Computer Science Department');
      expect(plain(p?.title ?? [])).toBe('Undergraduate Teaching Assistant');
      expect(plain(p?.dates ?? [])).toBe('January 2013–May 2013');
      expect(plainLines(p?.details ?? [])).toEqual(['Assisted students in a software design class.']);
      expect(r.markdown()).toContain('<strong>Undergraduate Teaching Assistant</strong>, <em>Virginia Tech');
    }
  });

  it('reads bamos/cv 2014-2015 entries with the course as a mapping {number, name}', () => {
    const r = resolveSnippet(`teaching:
  - university: Virginia Tech
    course:
      number: CS 2114
      name: Software Design and Data Structures
    dates: January 2013--May 2013
    details: Undergraduate TA
`);
    expect(r.diagnostics).toEqual([]);
    const [t] = r.section('teaching', 'teaching').items;
    expect(plain(t?.name ?? [])).toBe('Software Design and Data Structures');
    expect(plain(t?.short ?? [])).toBe('CS 2114, Virginia Tech');
    expect(plain(t?.semester ?? [])).toBe('January 2013–May 2013');
    expect(plain(t?.position ?? [])).toBe('Undergraduate TA');
  });

  it('an unknown key: a warning with did you mean, the value shown after the position', () => {
    const r = resolveSnippet(`teaching:
  - semester: S2016
    name: Deep Learning
    postion: TA
`);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: 'unknown-key', position: { line: 7, column: 5 } });
    expect(r.warnings[0]?.hints).toContain('did you mean `position`?');
    expect(r.markdown()).toContain('postion: TA');
  });
});
