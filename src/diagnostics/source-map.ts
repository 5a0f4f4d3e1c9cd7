import type { SourcePosition } from './diagnostic.js';

/** Converts offsets in a source text into 1-based line/column positions. */
export class LineIndex {
  /**
   * The offset where each line starts. The lines are counted first and the starts written into one array of
   * that size: an array grown by `push` is copied at each growth, and past ~16,000 lines (128 KB of 8-byte
   * elements) each copy is a large object in fresh memory, which costs page faults (the index of a 15 MB .bib
   * took ~26-30 ms, now ~9-12).
   */
  private readonly lineStarts: Int32Array;

  constructor(readonly text: string) {
    let count = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
    const starts = new Int32Array(count);
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[line++] = i + 1;
    this.lineStarts = starts;
  }

  position(file: string, offset: number): SourcePosition {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { file, line: low + 1, column: clamped - (this.lineStarts[low] ?? 0) + 1 };
  }

  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[line];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, '');
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}
