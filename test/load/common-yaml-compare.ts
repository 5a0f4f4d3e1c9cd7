/**
 * Compares the fast reader (src/load/common-yaml.ts) with the `yaml` package on one text: when the fast
 * reader accepts it, everything YamlSource gives must be the same: the nodes (style, value, source text,
 * start and end of each scalar, start of each collection), the data, the diagnostics, topLevelKeys, and
 * positionOf (value and key) and positionInValue for every path of the data. Returns the differences.
 */
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import { readCommonYaml } from '../../src/load/common-yaml.js';
import { lineLimitCrossed, MAX_LINE_CHARS, MAX_YAML_LINES } from '../../src/load/limits.js';
import { type YamlPath, YamlSource } from '../../src/load/yaml-source.js';

export interface Comparison {
  readonly accepted: boolean;
  readonly differences: string[];
}

export function compareReaders(text: string): Comparison {
  const accepted =
    lineLimitCrossed(text, MAX_LINE_CHARS, MAX_YAML_LINES) === undefined &&
    readCommonYaml(text) !== undefined;
  if (!accepted) return { accepted, differences: [] };
  const fast = YamlSource.parse('cv.yaml', text);
  const slow = YamlSource.parseWithYamlPackage('cv.yaml', text);
  const differences: string[] = [];
  const differ = (what: string, a: unknown, b: unknown) => {
    const sa = show(a);
    const sb = show(b);
    if (sa !== sb && differences.length < 20) differences.push(`${what}: fast ${sa}, yaml ${sb}`);
  };
  // Node ranges are offsets in each source's parsed text (re-indented on the yaml package's path):
  // compared as positions in the file.
  const fastAt = (offset: number | undefined) =>
    offset === undefined ? undefined : fast.source.positionAt(offset);
  const slowAt = (offset: number | undefined) =>
    offset === undefined ? undefined : slow.source.positionAt(offset);
  compareNodes(fast.source.document.contents, slow.source.document.contents, '$', (what, a, b) =>
    what.endsWith(' range') || what.endsWith(' start')
      ? differ(
          what,
          (Array.isArray(a) ? a : [a]).map((o) => fastAt(o as number | undefined)),
          (Array.isArray(b) ? b : [b]).map((o) => slowAt(o as number | undefined)),
        )
      : differ(what, a, b),
  );
  differ('diagnostics', fast.diagnostics, slow.diagnostics);
  const data = slow.source.toData();
  differ('data', fast.source.toData(), data);
  differ('topLevelKeys', fast.source.topLevelKeys(), slow.source.topLevelKeys());
  for (const [path, value] of paths(data)) {
    differ(`positionOf ${path.join('.')}`, fast.source.positionOf(path), slow.source.positionOf(path));
    differ(
      `positionOf key ${path.join('.')}`,
      fast.source.positionOf(path, { key: true }),
      slow.source.positionOf(path, { key: true }),
    );
    if (typeof value === 'string') {
      for (const offset of new Set([0, 1, value.length >> 1, value.length - 1, value.length])) {
        differ(
          `positionInValue ${path.join('.')} @${offset}`,
          fast.source.positionInValue(path, offset),
          slow.source.positionInValue(path, offset),
        );
      }
    }
  }
  return { accepted, differences };
}

function show(value: unknown): string {
  return JSON.stringify(value, (_key, v) => {
    if (typeof v === 'number' && Number.isNaN(v)) return 'NaN';
    if (v instanceof Date) return `Date(${v.getTime()})`;
    if (typeof v === 'bigint') return `${v}n`;
    if (v === undefined) return 'undefined';
    return v;
  });
}

function compareNodes(
  a: unknown,
  b: unknown,
  at: string,
  differ: (what: string, a: unknown, b: unknown) => void,
): void {
  const kind = (n: unknown) =>
    isScalar(n) ? 'scalar' : isMap(n) ? 'map' : isSeq(n) ? 'seq' : n === null ? 'null' : typeof n;
  if (kind(a) !== kind(b)) {
    differ(`node ${at}`, kind(a), kind(b));
    return;
  }
  if (isScalar(a) && isScalar(b)) {
    differ(
      `${at} scalar`,
      [a.type, a.value, a.source, a.tag, a.format],
      [b.type, b.value, b.source, b.tag, b.format],
    );
    differ(`${at} range`, a.range?.slice(0, 2), b.range?.slice(0, 2));
    return;
  }
  if ((isMap(a) && isMap(b)) || (isSeq(a) && isSeq(b))) {
    differ(`${at} start`, a.range?.[0], b.range?.[0]);
    differ(`${at} size`, a.items.length, b.items.length);
    differ(`${at} flow`, Boolean(a.flow), Boolean(b.flow));
    const n = Math.min(a.items.length, b.items.length);
    for (let i = 0; i < n; i++) {
      const x = a.items[i];
      const y = b.items[i];
      if (isPair(x) && isPair(y)) {
        compareNodes(x.key, y.key, `${at}.key${i}`, differ);
        compareNodes(x.value, y.value, `${at}.value${i}`, differ);
      } else compareNodes(x, y, `${at}[${i}]`, differ);
    }
  }
}

/** Every path of the data (the root's included), with its value. */
function paths(data: unknown): [YamlPath, unknown][] {
  const out: [YamlPath, unknown][] = [];
  const visit = (value: unknown, path: (string | number)[]) => {
    out.push([path, value]);
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) visit(v, [...path, i]);
    } else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
  };
  visit(data, []);
  return out;
}
