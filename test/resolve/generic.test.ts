/** The generic section: every YAML shape laid out as rows, details and groups, with a warning naming it. */
import { describe, expect, it } from 'vitest';
import { inlineToText } from '../../src/inline/to-text.js';
import type { GenericSection, RichText } from '../../src/model/cv.js';
import { resolveYaml } from './helpers.js';

const text = (r: RichText | null) => (r === null ? null : inlineToText(r));

/** A generic section as plain strings: groups of `title | date | label: detail; ...`. */
function plain(section: unknown) {
  const s = section as GenericSection;
  expect(s.type).toBe('generic');
  return s.groups.map((g) => ({
    label: text(g.label),
    rows: g.rows.map((r) =>
      [
        text(r.title),
        text(r.date),
        r.details.map((d) => `${d.label === null ? '' : `${d.label}: `}${text(d.text)}`).join('; '),
      ].join(' | '),
    ),
  }));
}

function resolveSection(body: string) {
  const r = resolveYaml(`name: Ada\n${body}`);
  return { ...r, section: r.cv?.sections.get('extra') };
}

describe('generic sections', () => {
  it('shows a list of scalars as a list, with a warning at the key', () => {
    const r = resolveSection('extra:\n  - Chess\n  - 42\n  - true\n');
    expect(plain(r.section)).toEqual([{ label: null, rows: ['Chess |  | ', '42 |  | ', 'True |  | '] }]);
    expect(r.shown).toEqual(['warning unknown-section 2:1']);
    expect(r.diagnostics[0]?.message).toBe('section `extra` has no known type; it is rendered generically');
  });

  it('shows a single scalar as one row', () => {
    expect(plain(resolveSection('extra: Just a line\n').section)).toEqual([
      { label: null, rows: ['Just a line |  | '] },
    ]);
  });

  it('puts title-like fields first, date-like fields on the right and the rest as details', () => {
    const r = resolveSection(
      [
        'extra:',
        '  - where: Pittsburgh',
        '    year: 2019',
        '    name: Hackathon',
        '    details: [Built a robot, Won a prize]',
        '    team: [Ann, Bob]',
        '  - position: Editor',
        '    title: Journal of Things',
        '    start: 2020',
        '    end: 2022',
        '',
      ].join('\n'),
    );
    expect(plain(r.section)).toEqual([
      {
        label: null,
        rows: [
          'Hackathon | 2019 | Where: Pittsburgh; Built a robot; Won a prize; Team: Ann, Bob',
          'Journal of Things, Editor | 2020 – 2022 | ',
        ],
      },
    ]);
  });

  it('names an entry without a title-like field by its first plain field', () => {
    expect(plain(resolveSection('extra:\n  - language: English\n    fluency: native\n').section)).toEqual([
      { label: null, rows: ['English |  | Fluency: native'] },
    ]);
  });

  it('links the title to the url field', () => {
    const r = resolveSection('extra:\n  - title: vita\n    url: https://example.org\n');
    const row = (r.section as GenericSection).groups[0]?.rows[0];
    expect(row?.url).toBe('https://example.org');
    expect(row?.details).toEqual([]);
  });

  it('shows a nested mapping as labelled groups, scalars as rows', () => {
    const r = resolveSection(
      [
        'extra:',
        '  languages:',
        '    English: native',
        '    French: fluent',
        '  hobbies: [Chess, Running]',
        '  motto: Keep going',
        '',
      ].join('\n'),
    );
    expect(plain(r.section)).toEqual([
      { label: 'Languages', rows: ['English |  | native', 'French |  | fluent'] },
      { label: 'Hobbies', rows: ['Chess |  | ', 'Running |  | '] },
      { label: null, rows: ['Motto |  | Keep going'] },
    ]);
  });

  it('flattens deeper nesting into labelled details, keeping every value', () => {
    const r = resolveSection(
      [
        'extra:',
        '  - title: Project',
        '    funding:',
        '      agency: NSF',
        '      amount: {value: 100, currency: USD}',
        '    members:',
        '      - {name: Ann, role: lead}',
        '      - [x, z]',
        '',
      ].join('\n'),
    );
    expect(plain(r.section)).toEqual([
      {
        label: null,
        rows: [
          'Project |  | Funding › Agency: NSF; Funding › Amount › Value: 100; Funding › Amount › Currency: USD; Members: Ann, lead; Members: x, z',
        ],
      },
    ]);
  });

  it('leads an entry under a key with the key', () => {
    const r = resolveSection('extra:\n  group:\n    cmu: {degree: PhD, year: 2019}\n');
    expect(plain(r.section)).toEqual([{ label: 'Group', rows: ['Cmu: PhD | 2019 | '] }]);
  });

  it('renders a known key of another shape generically, the differences as warnings', () => {
    const r = resolveYaml('name: Ada\neducation:\n  Oxford: 1840\n');
    expect(plain(r.cv?.sections.get('education'))).toEqual([{ label: null, rows: ['Oxford |  | 1840'] }]);
    expect(r.shown).toEqual(['warning wrong-type 3:3', 'warning section-generic 2:1']);
  });

  it('renders an unknown `type:` generically, without the type key', () => {
    const r = resolveYaml('name: Ada\nextra:\n  type: hobbys\n  items: [Chess]\n');
    expect(plain(r.cv?.sections.get('extra'))).toEqual([{ label: null, rows: ['Chess |  | '] }]);
    expect(r.shown).toEqual(['warning unknown-section-type 3:9']);
  });

  it('takes `type: generic` without a warning', () => {
    const r = resolveYaml('name: Ada\nextra:\n  type: generic\n  items: [Chess]\n');
    expect(plain(r.cv?.sections.get('extra'))).toEqual([{ label: null, rows: ['Chess |  | '] }]);
    expect(r.shown).toEqual([]);
  });

  it('keeps markup problems at their place inside the value', () => {
    const r = resolveSection('extra:\n  - title: a \\frobnicate b\n');
    expect(r.shown).toContain('warning markup 3:14');
  });
});
