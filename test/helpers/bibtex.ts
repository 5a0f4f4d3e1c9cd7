/** Reading a .bib text in tests, and the few views of the result that the reader's tests compare. */
import { readBibtex } from '../../src/load/bibtex/reader.js';
import type { BibFile } from '../../src/load/bibtex/types.js';

export const read = (text: string) => readBibtex(text, 'refs.bib');
export const value = (bib: BibFile, key: string, field: string) =>
  bib.entries.find((e) => e.key === key)?.fields.get(field)?.value;
export const keys = (bib: BibFile) => bib.entries.map((e) => e.key);
/** `severity code line:column` of every diagnostic, for exact comparisons. */
export const problems = (bib: BibFile) =>
  bib.diagnostics.map((d) => `${d.severity} ${d.code} ${d.position?.line}:${d.position?.column}`);
/** `line:column` of an offset of the file. */
export const at = (bib: BibFile, offset: number) => {
  const p = bib.lineIndex.position(bib.file, offset);
  return `${p.line}:${p.column}`;
};
