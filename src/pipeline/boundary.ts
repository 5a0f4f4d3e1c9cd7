/**
 * The pipeline's crash-proof boundary: whatever a stage throws (a bug in vita, or in a library on input it
 * did not expect) becomes an `internal` diagnostic that names the stage, so a build, a check or a watch
 * rebuild reports it like any other problem instead of crashing. `VITA_DEBUG=1` lets it through, with its
 * stack, for debugging.
 */
import { type Diagnostic, error } from '../diagnostics/diagnostic.js';

/** The stages the boundary names (a target's own name for a renderer). */
export type Stage = 'load' | 'enrich' | 'render' | 'publication images' | 'write' | `the ${string} target`;

/** The diagnostic for an exception thrown by `stage`. */
export function internalError(stage: Stage, cause: unknown): Diagnostic {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const what = stage.startsWith('the ') ? stage : `the ${stage} stage`;
  return error({
    code: 'internal',
    message: `${what} failed: ${reason.length > 500 ? `${reason.slice(0, 500)}…` : reason}`,
    hints: ['this is a bug in vita; please report it with the input that triggers it'],
  });
}

/** Runs one stage; an exception becomes `internalError(stage, ...)` (rethrown under `VITA_DEBUG`). */
export async function guarded<T>(
  stage: Stage,
  work: () => T | Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; diagnostic: Diagnostic }> {
  try {
    return { ok: true, value: await work() };
  } catch (cause) {
    if (process.env.VITA_DEBUG) throw cause;
    return { ok: false, diagnostic: internalError(stage, cause) };
  }
}
