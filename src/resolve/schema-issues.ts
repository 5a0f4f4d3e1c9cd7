/**
 * Turns zod issues into diagnostics at YAML positions, with messages a CV author understands
 * ("`dates`: expected text, got a list") and "did you mean" hints for unknown keys.
 */
import type { z } from 'zod';
import { type Diagnostic, error, type SourcePosition, warning } from '../diagnostics/diagnostic.js';
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

// ---------------------------------------------------------------- warn and show

/** A key the schema does not know, taken out of the value before it is resolved (and shown by the type). */
export interface UnknownEntry {
  /** Path of the mapping that held it, relative to the validated value. */
  readonly path: readonly (string | number)[];
  readonly key: string;
  readonly value: unknown;
}

type Fix =
  | { readonly kind: 'unknown'; readonly path: (string | number)[]; readonly keys: readonly string[] }
  | { readonly kind: 'text'; readonly path: (string | number)[]; readonly text: string };

interface Plan {
  readonly fixes: Fix[];
  readonly unfixable: number;
}

/**
 * Issues that need not stop a build: keys the schema does not know (warned, kept aside to be shown) and
 * values of a near type that read the same as text (a list of words where one line is expected, a number
 * where a URL is). Union branches are weighed so that the one needing the fewest such repairs wins.
 */
function planFixes(issues: readonly Issue[], base: (string | number)[], data: unknown): Plan {
  const fixes: Fix[] = [];
  let unfixable = 0;
  for (const issue of issues) {
    const path = [...base, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))] as (
      | string
      | number
    )[];
    if (issue.code === 'unrecognized_keys') {
      fixes.push({ kind: 'unknown', path, keys: issue.keys });
    } else if (issue.code === 'invalid_type' && issue.expected === 'string') {
      const text = asPlainText(valueAt(data, path));
      if (text === undefined) unfixable++;
      else fixes.push({ kind: 'text', path, text });
    } else if (issue.code === 'invalid_union') {
      let best: Plan | undefined;
      for (const branch of issue.errors) {
        const plan = planFixes(branch, path, data);
        if (plan.unfixable > 0) continue;
        const cost = (p: Plan) => p.fixes.reduce((n, f) => n + (f.kind === 'text' ? 10 : 1), 0);
        if (!best || cost(plan) < cost(best)) best = plan;
      }
      if (best) fixes.push(...best.fixes);
      else unfixable++;
    } else unfixable++;
  }
  return { fixes, unfixable };
}

/** Scalars, and lists of scalars joined with commas, as the text a reader would see. */
function asPlainText(value: unknown): string | undefined {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v !== 'object' || v === null))
    return value
      .filter((v) => v !== null)
      .map(String)
      .join(', ');
  return undefined;
}

/** A value of any shape as one line of text: `key: value` pairs joined with `; `, lists with `, `. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value))
    return value
      .map(displayValue)
      .filter((v) => v !== '')
      .join(', ');
  return Object.entries(value)
    .map(([k, v]) => `${k}: ${displayValue(v)}`)
    .join('; ');
}

export interface RepairResult<T> {
  readonly success: boolean;
  readonly data?: T;
  readonly unknown: readonly UnknownEntry[];
  readonly diagnostics: Diagnostic[];
}

/**
 * How vita runs a zod schema: without zod's JIT, which compiles each object schema to a function with `new
 * Function` on its first use. A build validates each value once, so that compilation (which no code cache
 * keeps) costs more than it saves: the corpus's `--only md` build spent ~20 ms in it.
 */
export const PARSE_CONTEXT = { jitless: true } as const;

/**
 * Validates `data`, repairing what {@link planFixes} can: unknown keys become warnings (with "did you mean"
 * against the keys the schema knows) and are handed back in `unknown` for the resolver to show; near-type
 * values are converted to text with a warning. Whatever is left is an error, as before.
 */
export function parseLeniently<S extends z.ZodType>(
  schema: S,
  data: unknown,
  ctx: IssueContext & { readonly unknownKeysShown: boolean },
): RepairResult<z.output<S>> {
  let value = data;
  let cloned = false;
  const unknown: UnknownEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  for (let round = 0; round < 8; round++) {
    const parsed = schema.safeParse(value, PARSE_CONTEXT);
    if (parsed.success) return { success: true, data: parsed.data, unknown, diagnostics };
    const plan = planFixes(parsed.error.issues, [], value);
    if (plan.fixes.length === 0) {
      diagnostics.push(...issuesToDiagnostics(parsed.error.issues, { ...ctx, data: value }));
      return { success: false, unknown, diagnostics };
    }
    // Repairs are applied (and warned about) even when an error remains, so each problem is told once.
    if (!cloned) {
      value = structuredClone(value);
      cloned = true;
    }
    for (const fix of plan.fixes) {
      const full = [...ctx.prefix, ...fix.path];
      const where = describePath(full);
      if (fix.kind === 'unknown') {
        const holder = valueAt(value, fix.path) as Record<string, unknown>;
        for (const key of fix.keys) {
          if (!Object.hasOwn(holder, key)) continue;
          unknown.push({ path: fix.path, key, value: holder[key] });
          delete holder[key];
          const suggestion = closestMatch(
            key,
            [...ctx.knownKeys].filter((k) => k !== key),
          );
          const fate = ctx.unknownKeysShown ? 'its value is shown as a further detail' : 'it is ignored';
          diagnostics.push(
            warning({
              code: 'unknown-key',
              message: `unknown key \`${key}\`${where ? ` in ${where}` : ''}; ${fate}`,
              position: ctx.positionOf([...full, key], { key: true }),
              hints: suggestion
                ? [`did you mean \`${suggestion}\`?`]
                : [`known keys here: ${[...ctx.knownKeys].sort().join(', ')}`],
            }),
          );
        }
      } else {
        const parentPath = fix.path.slice(0, -1);
        const last = fix.path[fix.path.length - 1];
        const original = valueAt(value, fix.path);
        if (last === undefined) value = fix.text;
        else (valueAt(value, parentPath) as Record<string | number, unknown>)[last] = fix.text;
        diagnostics.push(
          warning({
            code: 'value-converted',
            message: `${where || 'value'}: expected text, got ${describeValue(original)}; it is shown as "${fix.text.length > 40 ? `${fix.text.slice(0, 40)}…` : fix.text}"`,
            position: ctx.positionOf(full),
            hints: ['write the value as text to silence this warning'],
          }),
        );
      }
    }
  }
  const parsed = schema.safeParse(value, PARSE_CONTEXT);
  if (parsed.success) return { success: true, data: parsed.data, unknown, diagnostics };
  diagnostics.push(...issuesToDiagnostics(parsed.error.issues, { ...ctx, data: value }));
  return { success: false, unknown, diagnostics };
}
