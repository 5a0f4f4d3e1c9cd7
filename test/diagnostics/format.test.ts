/** The terminal formatter: code frames, grouping of diagnostics of one kind, the summary line. */
import { describe, expect, it } from 'vitest';
import { type Diagnostic, warning, warningsAsErrors } from '../../src/diagnostics/diagnostic.js';
import {
  diagnosticKind,
  formatDiagnostic,
  formatDiagnostics,
  groupDiagnostics,
  SHOWN_PER_KIND,
  summary,
} from '../../src/diagnostics/format.js';

const file = 'cv.yaml';

function unknownKeys(count: number): { diagnostics: Diagnostic[]; sources: Map<string, string> } {
  const lines = ['positions:'];
  const diagnostics: Diagnostic[] = [];
  for (let i = 0; i < count; i++) {
    lines.push(`  - title: T${i}`, `    key_${i}: x`);
    diagnostics.push(
      warning({
        code: 'unknown-key',
        message: `unknown key \`key_${i}\` in \`positions[${i}]\``,
        position: { file, line: lines.length, column: 5 },
      }),
    );
  }
  return { diagnostics, sources: new Map([[file, `${lines.join('\n')}\n`]]) };
}

describe('diagnosticKind', () => {
  it('is the code and the message with quoted values left out', () => {
    const a = warning({ code: 'unknown-key', message: 'unknown key `a` in `x[1]`' });
    const b = warning({ code: 'unknown-key', message: 'unknown key `bb` in `x[2]`' });
    const c = warning({ code: 'markup', message: 'unknown key `a` in `x[1]`' });
    const d = warning({ code: 'unknown-key', message: 'duplicate key `a`' });
    expect(diagnosticKind(a)).toBe(diagnosticKind(b));
    expect(diagnosticKind(a)).not.toBe(diagnosticKind(c));
    expect(diagnosticKind(a)).not.toBe(diagnosticKind(d));
    const [e] = warningsAsErrors([a]);
    expect(diagnosticKind(e as Diagnostic)).not.toBe(diagnosticKind(a));
  });
});

describe('grouping', () => {
  it('prints the first few of a kind, then "… and N more like this"', () => {
    const { diagnostics, sources } = unknownKeys(40);
    const text = formatDiagnostics(diagnostics, { sources, color: false, group: true });
    expect(text.match(/warning: unknown key/g)).toHaveLength(SHOWN_PER_KIND);
    expect(text).toContain(`… and ${40 - SHOWN_PER_KIND} more like this`);
    expect(text).toContain('cv.yaml:3:5: warning: unknown key `key_0`');
    expect(text).not.toContain('key_39');
    const { hidden } = groupDiagnostics(diagnostics);
    expect(hidden).toBe(40 - SHOWN_PER_KIND);
    expect(summary(diagnostics, hidden)).toBe(
      `0 errors, 40 warnings; ${40 - SHOWN_PER_KIND} like others not shown (--verbose lists them all)`,
    );
  });

  it('lists all without grouping (--verbose)', () => {
    const { diagnostics, sources } = unknownKeys(40);
    const text = formatDiagnostics(diagnostics, { sources, color: false });
    expect(text.match(/warning: unknown key/g)).toHaveLength(40);
    expect(text).not.toContain('more like this');
  });

  it('cuts a kind only when at least two would be left out', () => {
    const { diagnostics, sources } = unknownKeys(SHOWN_PER_KIND + 1);
    const text = formatDiagnostics(diagnostics, { sources, color: false, group: true });
    expect(text.match(/warning: unknown key/g)).toHaveLength(SHOWN_PER_KIND + 1);
    expect(groupDiagnostics(diagnostics).hidden).toBe(0);
  });

  it('keeps other kinds in their place among a grouped kind', () => {
    const { diagnostics } = unknownKeys(10);
    const other = warning({
      code: 'markup',
      message: '`positions[8].title`: unknown LaTeX command `\\foo`',
      position: { file, line: 18, column: 12 },
    });
    const all = [...diagnostics.slice(0, 8), other, ...diagnostics.slice(8)];
    const { shown, moreAfter } = groupDiagnostics(all);
    expect(shown).toEqual([...diagnostics.slice(0, SHOWN_PER_KIND), other]);
    expect(moreAfter.get(diagnostics[SHOWN_PER_KIND - 1] as Diagnostic)).toBe(10 - SHOWN_PER_KIND);
  });
});

describe('code frames', () => {
  it('show the line with a caret under the column, tabs kept', () => {
    const sources = new Map([[file, 'a: 1\n\tb: \\foo\nc: 3\n']]);
    const d = warning({ code: 'markup', message: 'm', position: { file, line: 2, column: 5 } });
    expect(formatDiagnostic(d, { sources, color: false })).toBe(
      'cv.yaml:2:5: warning: m [markup]\n  1 | a: 1\n> 2 | \tb: \\foo\n    | \t   ^\n  3 | c: 3\n',
    );
  });
});

describe('summary', () => {
  it('says how many errors are warnings made errors by --strict', () => {
    const ds = warningsAsErrors([
      warning({ code: 'markup', message: 'm' }),
      warning({ code: 'markup', message: 'n' }),
    ]);
    expect(ds.every((d) => d.severity === 'error')).toBe(true);
    expect(summary(ds)).toBe('2 errors, 0 warnings (2 of the errors are warnings: --strict)');
  });
});

describe('a long quoted value in a message', () => {
  it('is shortened in the terminal, with its length, so one diagnostic stays a few lines', () => {
    const name = `activ${'y'.repeat(54_628)}`;
    const d = warning({
      code: 'order-unknown-section',
      message: `\`order_md\` names section \`${name}\`, which is not defined`,
      hints: [`did you mean \`${name}\`?`],
    });
    const out = formatDiagnostic(d, { sources: new Map(), color: false });
    const longest = Math.max(...out.split('\n').map((line) => line.length));
    expect(longest).toBeLessThan(200);
    expect(out).toContain('`order_md` names section `activyyyy');
    expect(out).toContain('…` (54,633 characters), which is not defined');
    expect(d.message).toContain(name);
  });

  it('leaves values of ordinary length as they are', () => {
    const message = `unknown key \`${'k'.repeat(100)}\` in \`positions[0]\``;
    const out = formatDiagnostic(warning({ code: 'unknown-key', message }), {
      sources: new Map(),
      color: false,
    });
    expect(out).toContain(message);
  });
});
