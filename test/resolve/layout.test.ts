/** Order entries in every form the original and its forks wrote; none fails the build. */
import { describe, expect, it } from 'vitest';
import { inlineToText } from '../../src/inline/to-text.js';
import type { LayoutEntry } from '../../src/model/cv.js';
import { resolveYaml } from './helpers.js';

const SECTIONS = 'education:\n  - school: A\nskills:\n  - {title: T, details: D}\n';
const shown = (entries: readonly LayoutEntry[] | undefined) =>
  (entries ?? []).map((e) =>
    e.kind === 'newpage' ? 'NEWPAGE' : `${e.key}:${e.title === null ? '-' : inlineToText(e.title)}`,
  );

function layouts(order: string) {
  const r = resolveYaml(`name: Ada\norder:\n${order}${SECTIONS}`);
  return { web: shown(r.cv?.layouts.web), print: shown(r.cv?.layouts.print), shown: r.shown, r };
}

describe('order entries', () => {
  it('reads `[key, Title]`, a bare key and NEWPAGE', () => {
    const l = layouts('  - [education, Schools]\n  - [NEWPAGE, NEWPAGE]\n  - skills\n');
    expect(l.print).toEqual(['education:Schools', 'NEWPAGE', 'skills:Skills']);
    expect(l.shown).toEqual([]);
  });

  it.each(['NONE', 'None', 'none', 'null', '~', '""'])('hides the heading for a title %s', (title) => {
    expect(layouts(`  - [education, ${title}]\n  - [skills, Skills]\n`).print[0]).toBe('education:-');
  });

  it('ignores elements after the title, with a warning at the first of them', () => {
    const l = layouts('  - [education, Schools, web, 3]\n  - [skills, Skills]\n');
    expect(l.print).toEqual(['education:Schools', 'skills:Skills']);
    expect(l.shown).toEqual(['warning order-entry-extra 3:26']);
  });

  it('reads mappings with tag/title and honours display-web / display-pdf', () => {
    const l = layouts(
      [
        '  - {tag: education, title: Schools, display-web: false, display-pdf: true}',
        '  - {tag: skills, title: Skills, display-pdf: no, display-short: yes}',
        '',
      ].join('\n'),
    );
    expect(l.web).toEqual(['skills:Skills']);
    expect(l.print).toEqual(['education:Schools']);
    expect(l.shown).toEqual(['warning order-entry-extra 4:51']);
  });

  it('warns once about a section hidden from every target by its flags', () => {
    const l = layouts('  - {tag: education, display-web: no, display-pdf: no}\n  - [skills, Skills]\n');
    expect(l.web).toEqual(['skills:Skills']);
    expect(l.shown).toEqual(['warning section-unused 5:1']);
    expect(l.r.diagnostics[0]?.message).toContain('hidden from every target');
  });

  it('skips unreadable entries and missing sections with warnings, never errors', () => {
    const l = layouts(
      '  - 42\n  - []\n  - {title: X}\n  - [educaton, E]\n  - [education, E]\n  - [skills, S]\n',
    );
    expect(l.print).toEqual(['education:E', 'skills:S']);
    expect(l.shown).toEqual([
      'warning order-entry-unreadable 3:5',
      'warning order-entry-unreadable 4:5',
      'warning order-entry-unreadable 5:5',
      'warning order-unknown-section 6:6',
    ]);
    expect(l.r.cv).toBeDefined();
  });

  it('reads an order written as a mapping of keys to titles', () => {
    const r = resolveYaml(`name: Ada\norder: {skills: Abilities, education: NONE}\n${SECTIONS}`);
    expect(shown(r.cv?.layouts.print)).toEqual(['skills:Abilities', 'education:-']);
  });

  it('falls back to the file order for an order that is not a list', () => {
    const r = resolveYaml(`name: Ada\norder: everything\n${SECTIONS}`);
    expect(shown(r.cv?.layouts.print)).toEqual(['education:Education', 'skills:Skills']);
    expect(r.shown).toEqual(['warning order-entry-unreadable 2:8']);
  });
});
