/**
 * The CI slice of the fuzz suite (issue 18): a fixed seed's first `VITA_FUZZ_COUNT` inputs (default 10,000
 * in CI, where `VITA_REQUIRE_ALL` or `CI` is set; 2,000 in a developer's `npm test`, about half a minute)
 * through the built library (`dist/`, as `npm run fuzz` runs it), two worker threads, 5 s per
 * input (`VITA_FUZZ_TIMEOUT`). It fails on any thrown exception, hang, crashed worker, `internal` diagnostic or diagnostic at an
 * impossible position, and names each input (`npm run fuzz -- --seed 18 --replay N` writes it out).
 * On a quiet 2-core machine the 10,000 inputs take a few minutes; set VITA_FUZZ_COUNT lower on a busy one.
 */
import { describe, expect, it } from 'vitest';
import { BASES, makeInput } from './mutate.js';
import { BAD, GOOD, runFuzz } from './run.js';

const SEED = 18;
const IN_CI = Boolean(process.env.VITA_REQUIRE_ALL || process.env.CI);
const COUNT = Number(process.env.VITA_FUZZ_COUNT ?? (IN_CI ? 10_000 : 2_000));
/** Milliseconds per input (twice over, see run.js); raise it on a machine busy with other work. */
const TIMEOUT = Number(process.env.VITA_FUZZ_TIMEOUT ?? 5000);

describe('the fuzz mutator', () => {
  it('is deterministic: an input is the same bytes for the same seed and index, others differ', () => {
    for (const index of [0, 1, 2, 77, 1234]) {
      const a = makeInput(SEED, index);
      const b = makeInput(SEED, index);
      expect(b.description).toBe(a.description);
      expect(Object.keys(b.files)).toEqual(Object.keys(a.files));
      for (const [name, bytes] of Object.entries(a.files)) expect(b.files[name]?.equals(bytes)).toBe(true);
    }
    const descriptions = new Set(Array.from({ length: 50 }, (_, i) => makeInput(SEED, i).description));
    expect(descriptions.size).toBeGreaterThan(30);
  });

  it('covers every base CV, both file kinds and every mutation within a few hundred inputs', () => {
    const seen = new Set<string>();
    const bases = new Set<string>();
    const kinds = new Set<string>();
    for (let i = 0; i < 600; i++) {
      const input = makeInput(SEED, i, { pdfEvery: 0 });
      bases.add(input.base);
      kinds.add(input.kind);
      for (const m of (input.description.split(': ')[1] ?? '').split(', ')) seen.add(m);
    }
    expect([...bases].sort()).toEqual(BASES.map((b) => b.name).sort());
    expect([...kinds].sort()).toEqual(['bibtex', 'yaml']);
    for (const m of ['type-swap', 'alias-bomb', 'merge-bomb', 'macro-bomb', 'deep-flow', 'huge-value'])
      expect(seen).toContain(m);
    for (const m of ['invalid-utf8', 'bom', 'nul', 'byte-flip', 'truncate', 'hostile', 'huge-brace-group'])
      expect(seen).toContain(m);
  });
});

describe(`the fuzz suite, seed ${SEED}, ${COUNT} inputs`, () => {
  it(
    'no input throws, hangs, crashes a worker, reports an internal error or an impossible position',
    async () => {
      const result = await runFuzz({ seed: SEED, count: COUNT, workers: 2, timeoutMs: TIMEOUT });
      console.log(
        `fuzz: ${COUNT} inputs in ${result.seconds.toFixed(0)} s: ${[...GOOD, ...BAD].map((o) => `${o} ${result.counts[o]}`).join(', ')}`,
      );
      const report = result.findings.map(
        (f) => `${f.outcome}: input ${f.index} (${f.description}): ${f.detail.split('\n')[0]}`,
      );
      expect(report).toEqual([]);
      expect(GOOD.reduce((n, o) => n + result.counts[o], 0)).toBe(COUNT);
    },
    COUNT * 200 + 60_000,
  );
});
