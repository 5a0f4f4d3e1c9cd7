import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputCache } from '../../src/watch/input-cache.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();

describe("watch mode's loader", () => {
  it('reads files with the same checks as a build (here: the alias limit)', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const file = path.join(tempDir(), 'cv.yaml');
    writeFileSync(file, `${levels.join('\n')}\nname: Ada\n`);
    const result = new InputCache().load([file], {});
    expect(result.cv).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toContain('yaml-alias-limit');
  });
});
