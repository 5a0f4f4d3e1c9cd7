/**
 * `positionInValue` over every scalar form: each character of the value maps to the place it was written,
 * so a markup warning points at the command even inside `|`, `>` and values folded over lines.
 */
import { describe, expect, it } from 'vitest';
import { YamlSource } from '../../src/load/yaml-source.js';

/** The character at each mapped position, for every character of the value at `key` that is not a space. */
function check(yaml: string, key: string): void {
  const { source } = YamlSource.parse('cv.yaml', yaml);
  const value = (source.toData() as Record<string, string>)[key] as string;
  const lines = yaml.split('\n');
  let checked = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (/\s/.test(c) || c === "'" || c === '\\') continue;
    const p = source.positionInValue([key], i);
    const written = lines[p.line - 1]?.[p.column - 1];
    // A character written as an escape (`\"`, `\u00e9`) maps to the escape's backslash.
    expect([c, '\\'], `${key}[${i}] = ${c} at ${p.line}:${p.column}`).toContain(written);
    checked++;
  }
  expect(checked).toBeGreaterThan(5);
}

const FORMS: Record<string, string> = {
  literal: 'a: x\nv: |\n  first \\foo{x} line\n    more indented\n\n  after empty\nb: y\n',
  literalKeep: 'v: |+\n  one\n  two \\bar\n\n',
  folded:
    'v: >\n  I work with \\href{https://z.org/}{Zico}\n  at <b>CMU</b>.\n\n  Next paragraph\n    indented\n  end\n',
  foldedStrip: 'v: >-\n    deeper indent \\x\n    second\n',
  plain: 'v: first line \\foo\n  second line {\\bf x}\n\n  third\n',
  single: "v: 'it''s \\foo\n  folded ''q''\n\n  para'\n",
  double: 'v: "tab\\t \\"q\\" \\\\foo\n  folded \\u00e9 e\\\n  joined"\n',
};

describe('positionInValue', () => {
  for (const [name, yaml] of Object.entries(FORMS)) {
    it(`maps every character of a ${name} scalar`, () => check(yaml, 'v'));
  }

  it('points at an unknown command in a block scalar', () => {
    const { source } = YamlSource.parse('cv.yaml', FORMS.folded as string);
    const value = (source.toData() as { v: string }).v;
    expect(source.positionInValue(['v'], value.indexOf('<b>'))).toEqual({
      file: 'cv.yaml',
      line: 3,
      column: 6,
    });
  });
});
