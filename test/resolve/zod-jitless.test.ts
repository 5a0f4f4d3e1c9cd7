/**
 * vita validates without zod's JIT (`PARSE_CONTEXT`, resolve/schema-issues.ts): compiling each object schema
 * with `new Function` cost a build more than it saved, since each value is validated once.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCv } from '../../src/pipeline/load-cv.js';
import { REPO_DIR } from '../helpers/temp-dir.js';

const realFunction = globalThis.Function;
afterEach(() => {
  globalThis.Function = realFunction;
});

describe('validation', () => {
  it('compiles no code with new Function while a CV with every kind of section is read', () => {
    let compiled = 0;
    globalThis.Function = new Proxy(realFunction, {
      construct(target, args, newTarget) {
        compiled++;
        return Reflect.construct(target, args, newTarget);
      },
      apply(target, self, args) {
        compiled++;
        return Reflect.apply(target, self, args);
      },
    });
    const loaded = loadCv([path.join(REPO_DIR, 'examples/seed/cv.yaml')]);
    expect(loaded.cv?.sections.size).toBeGreaterThan(5);
    expect(compiled).toBe(0);
  });
});
