import { describe, expect, it } from 'vitest';
import { plain, plainLines, resolveSnippet } from './helpers.js';

describe('positions and research', () => {
  it('reads bamos/cv 2013-2014 industry entries that name the place `company`', () => {
    const r = resolveSnippet(`industry:
  - company: Adobe Research
    location: San Jose, CA
    title: Research Intern
    dates: May 2014 -- Aug 2014
    details: [Built things.]
`);
    expect(r.diagnostics).toEqual([]);
    const [p] = r.section('industry', 'positions').items;
    expect(plain(p?.place ?? [])).toBe('Adobe Research');
    expect(plain(p?.title ?? [])).toBe('Research Intern');
  });

  it('reads bamos/cv 2013-2014 research entries that name the place `lab`', () => {
    const r = resolveSnippet(`research:
  - title: Undergraduate Researcher
    lab: Magnum Research Group
    location: Blacksburg, VA
    advisor: Jules White
    dates: 2012 -- 2014
    details: [Malware detection.]
`);
    expect(r.diagnostics).toEqual([]);
    const [item] = r.section('research', 'research').items;
    expect(plain(item?.place ?? [])).toBe('Magnum Research Group, Blacksburg, VA');
    expect(plain(item?.advisor ?? [])).toBe('Jules White');
  });

  it('a bare year as dates (bamos/cv 2021: `dates: 2019`) is text', () => {
    const r = resolveSnippet('industry:\n  - place: Facebook AI\n    dates: 2019\n    location: NYC\n');
    expect(r.diagnostics).toEqual([]);
    expect(plain(r.section('industry', 'positions').items[0]?.dates ?? [])).toBe('2019');
  });

  it("reads forks' and JSON Resume's names: organization, position, startDate/endDate, summary, highlights", () => {
    const r = resolveSnippet(`volunteer:
  - organization: Code Club
    position: Mentor
    startDate: 2019
    endDate: 2020
    summary: Taught children to program.
    highlights: [Ran 20 sessions]
    website: https://codeclub.org
experience:
  - employer: ACME
    role: Engineer
    start_date: 2021
`);
    expect(r.diagnostics).toEqual([]);
    const [v] = r.section('volunteer', 'positions').items;
    expect(plain(v?.place ?? [])).toBe('Code Club');
    expect(plain(v?.title ?? [])).toBe('Mentor');
    expect(plain(v?.dates ?? [])).toBe('2019 – 2020');
    expect(plainLines(v?.details ?? [])).toEqual(['Taught children to program.', 'Ran 20 sessions']);
    expect(plain(r.section('experience', 'positions').items[0]?.dates ?? [])).toBe('2021 – Present');
  });

  it('reads bamos/cv 2013-2018 `projects`: a mapping of named entries {name, url, details}', () => {
    const r = resolveSnippet(`projects:
  github:
    name: GitHub Portfolio
    url: http://github.com/bamos
    details: [Hosts code samples.]
  website:
    details: [Hosted on GitHub Pages.]
`);
    expect(r.diagnostics).toEqual([]);
    const items = r.section('projects', 'positions').items;
    expect(items.map((p) => plain(p.place))).toEqual(['GitHub Portfolio', 'website']);
    expect(plainLines(items[0]?.details ?? [])).toEqual(['Hosts code samples.']);
  });

  it('an unknown key: warning at the key with did you mean, its value a further detail line', () => {
    const r = resolveSnippet(`positions:
  - place: ACME
    titel: Engineer
    team: Compilers
`);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => [w.code, w.position?.line, w.position?.column])).toEqual([
      ['unknown-key', 6, 5],
      ['unknown-key', 7, 5],
    ]);
    expect(r.warnings[0]?.hints).toEqual(['did you mean `title`?']);
    expect(r.warnings[0]?.message).toBe(
      'unknown key `titel` in `positions[0]`; its value is shown as a further detail',
    );
    const md = r.markdown();
    expect(md).toContain('<br> titel: Engineer');
    expect(md).toContain('<br> team: Compilers');
  });
});
