/** Types of mutate.js (plain JavaScript, so that worker threads run it without a TypeScript loader). */
export interface FuzzBase {
  readonly name: string;
  readonly dir: string;
}
export interface FuzzInput {
  readonly base: string;
  readonly baseDir: string;
  /** Files that replace the base's: path in the CV folder -> bytes. */
  readonly files: Readonly<Record<string, Buffer>>;
  readonly pdf: boolean;
  readonly kind: 'yaml' | 'bibtex';
  readonly description: string;
}
export const BASES: readonly FuzzBase[];
export const HOSTILE: readonly string[];
export function prng(seed: number): () => number;
export function makeInput(seed: number, index: number, options?: { pdfEvery?: number }): FuzzInput;
