/** A problem found in the user's input, reported with its place in a source file. */
import type { DiagnosticCode } from './catalogue.js';

export type { DiagnosticCode } from './catalogue.js';

export type Severity = 'error' | 'warning';

export interface SourcePosition {
  /** Path of the file as the user named it (relative to the working directory where possible). */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, counted in UTF-16 code units of the line. */
  readonly column: number;
}

export interface Diagnostic {
  readonly severity: Severity;
  /** Stable code, e.g. `yaml-syntax`, from the catalogue `src/diagnostics/catalogue.ts` (docs/errors.md). */
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly position?: SourcePosition | undefined;
  readonly hints: readonly string[];
  /** A warning made an error by `--strict` (the summary says so). */
  readonly fromWarning?: true | undefined;
}

export interface DiagnosticInput {
  code: DiagnosticCode;
  message: string;
  position?: SourcePosition | undefined;
  hints?: readonly string[] | undefined;
}

export function error(input: DiagnosticInput): Diagnostic {
  return {
    severity: 'error',
    code: input.code,
    message: input.message,
    position: input.position,
    hints: input.hints ?? [],
  };
}

export function warning(input: DiagnosticInput): Diagnostic {
  return {
    severity: 'warning',
    code: input.code,
    message: input.message,
    position: input.position,
    hints: input.hints ?? [],
  };
}

/** `--strict`: every warning becomes an error, marked `fromWarning`; errors are returned as they are. */
export function warningsAsErrors(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) =>
    d.severity === 'warning' ? { ...d, severity: 'error', fromWarning: true } : d,
  );
}

/** Collects diagnostics across a run; stages push into one shared bag. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];

  add(diagnostic: Diagnostic): void {
    this.items.push(diagnostic);
  }

  addAll(diagnostics: Iterable<Diagnostic>): void {
    for (const d of diagnostics) this.items.push(d);
  }

  error(input: DiagnosticInput): void {
    this.items.push(error(input));
  }

  warning(input: DiagnosticInput): void {
    this.items.push(warning(input));
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }

  /** Sorted by file, line and column; diagnostics without a position come last. */
  sorted(): Diagnostic[] {
    return [...this.items].sort(compareDiagnostics);
  }
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const pa = a.position;
  const pb = b.position;
  if (!pa && !pb) return 0;
  if (!pa) return 1;
  if (!pb) return -1;
  if (pa.file !== pb.file) return pa.file < pb.file ? -1 : 1;
  return pa.line - pb.line || pa.column - pb.column;
}

/** Thrown only when nothing can continue (e.g. an unreadable input file); carries the diagnostics. */
export class UserError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('\n'));
    this.name = 'UserError';
    this.diagnostics = diagnostics;
  }
}
