import { describe, expect, it } from 'vitest';
import { plain, resolveSnippet } from './helpers.js';

describe('coursework', () => {
  it('reads bamos/cv 2015-2021 entries {semester, name, instructor}: a row per course, the semester beside it', () => {
    const r = resolveSnippet(`coursework:
  - semester: S2017
    name: Statistical Machine Learning (10-702, Au)
    instructor: L. Wasserman
  - semester: F2016
    name: Topics in Deep Learning (10-807)
    instructor: R. Salakhutdinov
`);
    expect(r.diagnostics).toEqual([]);
    const s = r.section('coursework', 'coursework');
    expect(s.groups.map((g) => [plain(g.title), g.courses.map(plain)])).toEqual([
      ['S2017', ['Statistical Machine Learning (10-702, Au), L. Wasserman']],
      ['F2016', ['Topics in Deep Learning (10-807), R. Salakhutdinov']],
    ]);
    expect(r.markdown()).toContain("<td class='col-md-2'>S2017</td>");
  });

  it('still reads a list of lines and named groups of lines', () => {
    const list = resolveSnippet('coursework:\n  - Algorithms\n  - Compilers\n');
    expect(list.section('coursework', 'coursework').groups.map((g) => g.courses.map(plain))).toEqual([
      ['Algorithms', 'Compilers'],
    ]);
    const groups = resolveSnippet(
      'coursework:\n  Graduate: [Convex Optimization]\n  Undergraduate: [Compilers]\n',
    );
    expect(groups.section('coursework', 'coursework').groups.map((g) => plain(g.title))).toEqual([
      'Graduate',
      'Undergraduate',
    ]);
  });

  it('forks: course codes, urls and grades; unknown keys warn and show', () => {
    const r = resolveSnippet(`coursework:
  - term: Fall 2020
    title: Compilers
    code: CS 4240
    grade: A
    credits: 4
`);
    expect(r.errors).toEqual([]);
    const course = r.section('coursework', 'coursework').groups[0];
    expect(plain(course?.title ?? [])).toBe('Fall 2020');
    expect(plain(course?.courses[0] ?? [])).toBe('Compilers (CS 4240), grade: A, credits: 4');
    expect(r.warnings.map((w) => [w.code, w.position?.line])).toEqual([['unknown-key', 9]]);
  });
});
