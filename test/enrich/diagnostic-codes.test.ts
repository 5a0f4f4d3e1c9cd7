import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENRICH_DIAGNOSTIC_CODES } from '../../src/enrich/diagnostic-codes.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('enrichment diagnostic codes', () => {
  it('the catalogue lists exactly the codes the modules use, and the docs explain each', async () => {
    const dir = `${root}src/enrich/`;
    const used = new Set<string>();
    for (const file of await readdir(dir)) {
      if (!file.endsWith('.ts') || file === 'diagnostic-codes.ts') continue;
      const source = await readFile(dir + file, 'utf8');
      for (const match of source.matchAll(/code: '([a-z-]+)'/g)) used.add(match[1] ?? '');
    }
    const listed = Object.keys(ENRICH_DIAGNOSTIC_CODES);
    expect([...used].sort()).toEqual([...listed].sort());
    for (const code of listed) expect(code).toMatch(/^enrich-[a-z]+(-[a-z]+)*$/);
    const docs = await readFile(`${root}docs/enrichment.md`, 'utf8');
    for (const code of listed) expect(docs).toContain(`\`${code}\``);
  });
});
