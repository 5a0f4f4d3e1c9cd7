/**
 * Turns zod issues into diagnostics at YAML positions, with messages a CV author understands
 * ("`dates`: expected text, got a list") and "did you mean" hints for unknown keys.
 */
import type { z } from 'zod';
import { type Diagnostic, error, type SourcePosition } from '../diagnostics/diagnostic.js';
import { closestMatch } from '../util/did-you-mean.js';

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

export interface IssueContext {
  /** Path prefix of the validated value inside the YAML document (e.g. `['education']`). */
  readonly prefix: readonly (string | number)[];
  readonly data: unknown;
  positionOf(path: readonly (string | number)[], options?: { key?: boolean }): SourcePosition;
  /** Keys the schema knows anywhere in this value, for "did you mean". */
  readonly knownKeys: ReadonlySet<string>;
}

export function issuesToDiagnostics(issues: readonly Issue[], ctx: IssueContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) out.push(...issueToDiagnostics(issue, [], ctx));
  return out;
}

function issueToDiagnostics(issue: Issue, base: Path, ctx: IssueContext): Diagnostic[] {
  const path = [...base, ...issue.path].map((p) => (typeof p === 'symbol' ? String(p) : p)) as (
    | string
    | number
  )[];
  const full = [...ctx.prefix, ...path];
  const where = describePath(full);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const suggestion = closestMatch(
          key,
          [...ctx.knownKeys].filter((k) => k !== key),
        );
        return error({
          code: 'unknown-key',
          message: `unknown key \`${key}\`${where ? ` in ${where}` : ''}`,
          position: ctx.positionOf([...full, key], { key: true }),
          hints: suggestion
            ? [`did you mean \`${suggestion}\`?`]
            : [`known keys here: ${[...ctx.knownKeys].sort().join(', ')}`],
        });
      });
    case 'invalid_type': {
      const actual = valueAt(ctx.data, path);
      if (actual === undefined) {
        return [
          error({
            code: 'missing-key',
            message: `${where ? `${where}: ` : ''}required key \`${String(path[path.length - 1])}\` is missing`,
            position: ctx.positionOf(full.slice(0, -1)),
          }),
        ];
      }
      return [
        error({
          code: 'wrong-type',
          message: `${where || 'value'}: expected ${typeName(issue.expected)}, got ${describeValue(actual)}`,
          position: ctx.positionOf(full),
        }),
      ];
    }
    case 'invalid_union': {
      // Follow the branch that got furthest into the value; if none did, report the alternatives.
      const branches = issue.errors.filter((b) => b.length > 0);
      const depth = (b: readonly Issue[]) => Math.max(...b.map((i) => i.path.length));
      const deepest = branches.reduce<readonly Issue[] | undefined>(
        (best, b) => (!best || depth(b) > depth(best) ? b : best),
        undefined,
      );
      if (deepest && depth(deepest) > 0) return deepest.flatMap((i) => issueToDiagnostics(i, path, ctx));
      const expected = [
        ...new Set(
          branches.flatMap((b) =>
            b.map((i) => (i.code === 'invalid_type' ? typeName(i.expected) : 'another form')),
          ),
        ),
      ];
      return [
        error({
          code: 'wrong-type',
          message: `${where || 'value'}: expected ${expected.join(' or ')}, got ${describeValue(valueAt(ctx.data, path))}`,
          position: ctx.positionOf(full),
        }),
      ];
    }
    case 'invalid_value':
      return [
        error({
          code: 'invalid-value',
          message: `${where || 'value'}: expected one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`,
          position: ctx.positionOf(full),
        }),
      ];
    default:
      return [
        error({
          code: 'invalid-value',
          message: `${where || 'value'}: ${issue.message}`,
          position: ctx.positionOf(full),
        }),
      ];
  }
}

export function describePath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '';
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${p}` : p;
  return `\`${s}\``;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let v: unknown = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

function typeName(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
    case 'record':
      return 'a mapping (key: value)';
    case 'tuple':
      return 'a list like [key, "Title"]';
    case 'null':
      return 'nothing';
    default:
      return expected;
  }
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text "${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
  return `${typeof value === 'number' ? 'the number' : typeof value} ${String(value)}`;
}

/** Every object key the schema accepts anywhere inside it. */
export function knownKeysOf(schema: z.ZodType): Set<string> {
  const keys = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (s: unknown) => {
    if (!s || typeof s !== 'object' || seen.has(s)) return;
    seen.add(s);
    const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    if (def.shape && typeof def.shape === 'object') {
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
        keys.add(k);
        visit(v);
      }
    }
    for (const field of ['element', 'innerType', 'in', 'out', 'valueType', 'catchall']) visit(def[field]);
    for (const field of ['options', 'items']) {
      const list = def[field];
      if (Array.isArray(list)) for (const o of list) visit(o);
    }
  };
  visit(schema);
  return keys;
}
