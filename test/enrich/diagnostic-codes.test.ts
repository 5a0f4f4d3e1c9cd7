import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_STAGES } from '../../src/diagnostics/catalogue.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('enrichment diagnostic codes', () => {
  it('the catalogue lists exactly the codes the modules use, and the docs explain each', async () => {
    const dir = `${root}src/enrich/`;
    const used = new Set<string>();
    for (const file of await readdir(dir)) {
      if (!file.endsWith('.ts')) continue;
      const source = await readFile(dir + file, 'utf8');
      for (const match of source.matchAll(/code: '([a-z-]+)'/g)) used.add(match[1] ?? '');
    }
    const stage = DIAGNOSTIC_STAGES.find((s) => s.name.startsWith('Enrichment'));
    const listed = Object.keys(stage?.codes ?? {});
    expect([...used].sort()).toEqual([...listed].sort());
    for (const code of listed) expect(code).toMatch(/^enrich-[a-z]+(-[a-z]+)*$/);
    const docs = await readFile(`${root}docs/enrichment.md`, 'utf8');
    for (const code of listed) expect(docs).toContain(`\`${code}\``);
  });
});
