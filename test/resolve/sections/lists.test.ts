/** honors, talks, skills, advising, education, news: the original's shapes and forks' names. */
import { describe, expect, it } from 'vitest';
import { plain, plainLines, resolveSnippet } from './helpers.js';

describe('honors, awards, certifications', () => {
  it('reads bamos/cv honors of every year: title with or without year, descr, url, a bare year', () => {
    const r = resolveSnippet(`honors:
  - title: Qualstar Award, Qualcomm, 2013
  - title: NSF Fellowship
    year: 2014
    descr: Three years of support.
    url: https://nsf.gov
`);
    expect(r.diagnostics).toEqual([]);
    const items = r.section('honors', 'honors').items;
    expect(items.map((h) => [plain(h.title), plain(h.year), plain(h.description)])).toEqual([
      ['Qualstar Award, Qualcomm, 2013', '', ''],
      ['NSF Fellowship', '2014', 'Three years of support.'],
    ]);
  });

  it("reads forks' and JSON Resume's awards and certifications: name/award, awarder/issuer, date, summary", () => {
    const r = resolveSnippet(`awards:
  - award: Best Paper
    awarder: ICML
    date: 2020
    summary: One of two.
certifications:
  - name: AWS Solutions Architect
    issuer: Amazon
    date: 2022-01
`);
    expect(r.diagnostics).toEqual([]);
    const [a] = r.section('awards', 'honors').items;
    expect([plain(a?.title ?? []), plain(a?.year ?? []), plain(a?.description ?? [])]).toEqual([
      'Best Paper, ICML',
      '2020',
      'One of two.',
    ]);
    expect(plain(r.section('certifications', 'honors').items[0]?.title ?? [])).toBe(
      'AWS Solutions Architect, Amazon',
    );
  });
});

describe('talks', () => {
  it('reads bamos/cv 2021-2022 talks without a title: {year, location, url}', () => {
    const r = resolveSnippet(`talks:
  - year: 2020
    location: MILA Seminar
    url: https://mila.quebec
`);
    expect(r.diagnostics).toEqual([]);
    const [t] = r.section('talks', 'talks').items;
    expect([plain(t?.title ?? []), plain(t?.location ?? []), plain(t?.year ?? []), t?.url]).toEqual([
      '',
      'MILA Seminar',
      '2020',
      'https://mila.quebec',
    ]);
  });

  it("reads forks' names (name, event, date) and shows slides links and unknown keys after the location", () => {
    const r = resolveSnippet(`presentations:
  - name: Differentiable optimization
    event: NeurIPS
    date: 2019
    slides: https://example.org/slides.pdf
    audience: 300
`);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(['unknown-key']);
    const [t] = r.section('presentations', 'talks').items;
    expect(plain(t?.title ?? [])).toBe('Differentiable optimization');
    expect(plain(t?.location ?? [])).toBe('NeurIPS; slides; audience: 300');
    expect(r.markdown()).toContain('<a href="https://example.org/slides.pdf">slides</a>');
  });
});

describe('skills, languages, interests', () => {
  it('reads {title, details} with details as a line or a list', () => {
    const r = resolveSnippet('skills:\n  - title: Languages\n    details: [Python, C++]\n');
    expect(r.diagnostics).toEqual([]);
    expect(plain(r.section('skills', 'skills').items[0]?.details ?? [])).toBe('Python, C++');
  });

  it('reads a list of lines, and a mapping of titles to lists', () => {
    const list = resolveSnippet('skills:\n  - Python\n  - Machine learning\n');
    expect(list.diagnostics).toEqual([]);
    expect(list.section('skills', 'skills').items.map((s) => plain(s.details))).toEqual([
      'Python',
      'Machine learning',
    ]);
    const map = resolveSnippet('skills:\n  Programming: [Python, C++]\n  Tools: Git\n');
    expect(map.diagnostics).toEqual([]);
    expect(map.section('skills', 'skills').items.map((s) => [plain(s.title), plain(s.details)])).toEqual([
      ['Programming', 'Python, C++'],
      ['Tools', 'Git'],
    ]);
  });

  it("reads JSON Resume's {name, level, keywords} and languages {language, fluency}", () => {
    const r = resolveSnippet(`skills:
  - name: Web
    level: Master
    keywords: [HTML, CSS]
languages:
  - language: French
    fluency: Native
`);
    expect(r.diagnostics).toEqual([]);
    const [s] = r.section('skills', 'skills').items;
    expect([plain(s?.title ?? []), plain(s?.details ?? [])]).toEqual(['Web', 'HTML, CSS; Master']);
    const [l] = r.section('languages', 'skills').items;
    expect([plain(l?.title ?? []), plain(l?.details ?? [])]).toEqual(['French', 'Native']);
  });

  it('reads bamos/cv 2013-2016 `interests:` as one line of text', () => {
    const r = resolveSnippet("interests: '{\\bf Compiler} or {\\bf security} research.'\n");
    expect(r.diagnostics).toEqual([]);
    expect(plain(r.section('interests', 'skills').items[0]?.details ?? [])).toBe(
      'Compiler or security research.',
    );
  });
});

describe('advising and references', () => {
  it('reads bamos/cv advising with a bare year, and references {name, reference}', () => {
    const r = resolveSnippet(`advising:
  - name: A. Student
    url: https://a.example
    details: PhD intern
    year: 2021
references:
  - name: Jane Doe
    reference: Professor, CMU
    email: jane@cmu.edu
`);
    expect(r.errors).toEqual([]);
    expect(plain(r.section('advising', 'advising').items[0]?.year ?? [])).toBe('2021');
    expect(plain(r.section('references', 'advising').items[0]?.details ?? [])).toBe(
      'Professor, CMU, email: jane@cmu.edu',
    );
    expect(r.warnings.map((w) => w.message)).toEqual([
      'unknown key `email` in `references[0]`; its value is shown as a further detail',
    ]);
  });
});

describe('education', () => {
  it('reads every bamos/cv shape (with and without degree, GPAs, details)', () => {
    const r = resolveSnippet(`education:
  - school: Carnegie Mellon University
    degree: Ph.D. in Computer Science
    location: Pittsburgh, PA
    dates: 2014 -- 2019
    overallGPA: 4.0/4.0
    details: [Thesis, Advisor]
  - school: Virginia Tech
    dates: 2011 -- 2014
`);
    expect(r.diagnostics).toEqual([]);
    expect(r.section('education', 'education').items.map((e) => plain(e.school))).toEqual([
      'Carnegie Mellon University',
      'Virginia Tech',
    ]);
  });

  it("reads JSON Resume's names: institution, studyType, area, startDate/endDate, score, courses", () => {
    const r = resolveSnippet(`education:
  - institution: MIT
    studyType: Bachelor
    area: Physics
    startDate: 2010
    endDate: 2014
    score: '3.9'
    courses: [Quantum Mechanics]
    thesis: On light
`);
    expect(r.errors).toEqual([]);
    const [e] = r.section('education', 'education').items;
    expect([
      plain(e?.school ?? []),
      plain(e?.degree ?? []),
      plain(e?.dates ?? []),
      plain(e?.gpa ?? []),
    ]).toEqual(['MIT', 'Bachelor, Physics', '2010 – 2014', '3.9']);
    expect(plainLines(e?.details ?? [])).toEqual(['Quantum Mechanics', 'thesis: On light']);
  });
});

describe('news', () => {
  it('reads {date, info} and shows an unknown key after the text', () => {
    const r = resolveSnippet('news:\n  - date: Jan 2018\n    info: Joined FAIR.\n    place: NYC\n');
    expect(r.errors).toEqual([]);
    expect(plain(r.section('news', 'news').items[0]?.text ?? [])).toBe('Joined FAIR.; place: NYC');
  });
});
