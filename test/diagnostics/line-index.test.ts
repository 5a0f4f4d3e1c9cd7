/** Offsets to line/column positions and line texts, against a character-by-character count. */
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/diagnostics/source-map.js';

/** The position of `offset` counted one character at a time (offsets past the end clamp to the end). */
function countedPosition(text: string, offset: number): { line: number; column: number } {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let column = 1;
  for (let i = 0; i < end; i++) {
    if (text[i] === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column };
}

const TEXTS = [
  '',
  'one line',
  'trailing newline\n',
  '\n',
  '\n\n\n',
  'a\nbb\n\nccc',
  'crlf\r\nline two\r\n',
  'é — α\n😀 wide\nend',
  `${'long line '.repeat(500)}\n${'x\n'.repeat(3000)}last`,
];

describe('LineIndex', () => {
  it('gives the line and column of every offset, clamped to the text', () => {
    for (const text of TEXTS) {
      const index = new LineIndex(text);
      for (let offset = -2; offset <= text.length + 2; offset++) {
        expect(index.position('f', offset), JSON.stringify({ text: text.slice(0, 40), offset })).toEqual({
          file: 'f',
          ...countedPosition(text, offset),
        });
      }
    }
  });

  it('counts the lines and gives each one without its line break', () => {
    for (const text of TEXTS) {
      const index = new LineIndex(text);
      const lines = text.split('\n');
      expect(index.lineCount).toBe(lines.length);
      lines.forEach((line, i) => {
        expect(index.lineText(i + 1)).toBe(line.replace(/\r$/, ''));
      });
      expect(index.lineText(0)).toBe('');
      expect(index.lineText(lines.length + 1)).toBe('');
    }
  });

  it('indexes a large text', () => {
    const text = 'key: value\n'.repeat(200_000);
    const index = new LineIndex(text);
    expect(index.lineCount).toBe(200_001);
    expect(index.position('f', text.length - 1)).toEqual({ file: 'f', line: 200_000, column: 11 });
    expect(index.lineText(123_456)).toBe('key: value');
  });
});
