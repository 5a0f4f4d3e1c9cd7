/** Types of run.js (plain JavaScript, like the worker it starts). */
export type GoodOutcome = 'clean' | 'warnings' | 'errors';
export type BadOutcome = 'throw' | 'hang' | 'crash' | 'internal' | 'bad-position';
export type Outcome = GoodOutcome | BadOutcome;
export const GOOD: readonly GoodOutcome[];
export const BAD: readonly BadOutcome[];
export interface FuzzFinding {
  readonly index: number;
  readonly outcome: BadOutcome;
  readonly description: string;
  readonly detail: string;
}
export interface FuzzResult {
  readonly seed: number;
  readonly start: number;
  readonly count: number;
  readonly counts: Record<Outcome, number>;
  readonly byKind: Record<string, Record<Outcome, number>>;
  readonly findings: readonly FuzzFinding[];
  /** Inputs that ran out of time once and were run again (a hang only when out of time twice). */
  readonly retried: number;
  readonly slowest: { readonly ms: number; readonly index: number; readonly description: string };
  readonly seconds: number;
}
export function runFuzz(options: {
  seed: number;
  count: number;
  start?: number;
  workers?: number;
  timeoutMs?: number;
  pdfEvery?: number;
  memoryMb?: number;
  onDone?: (r: { index: number; outcome: Outcome; description: string; ms: number }) => void;
}): Promise<FuzzResult>;
