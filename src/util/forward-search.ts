/**
 * `text.indexOf(needle, from)` for a scan that asks again and again while `from` moves forward: the last answer
 * is kept while it is still at or after `from` (or there was none), so the scan reads the text about once per
 * needle however often it asks. Jumping between a few characters this way (native, vectorised search) reads a
 * long abstract several times faster than a loop over its characters.
 */
export class ForwardSearch {
  private from = -1;
  private at = -1;

  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  /** Offset of the next occurrence at or after `from` (-1: none). */
  next(from: number): number {
    if (this.from >= 0 && from >= this.from && (this.at < 0 || this.at >= from)) return this.at;
    this.from = from;
    this.at = this.text.indexOf(this.needle, from);
    return this.at;
  }
}
