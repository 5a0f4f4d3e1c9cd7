/**
 * The JSON Schema of cv.yaml: the committed file is what the zod schemas generate today, and the example,
 * the corpus and a fresh `vita init` validate against it while wrong input does not.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { YamlSource } from '../../src/load/yaml-source.js';
import { cvJsonSchema, cvJsonSchemaText } from '../../src/resolve/json-schema.js';
import { runCli } from '../helpers/run-cli.js';
import { CORPUS_DIR, REPO_DIR, useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();
const COMMITTED = path.join(REPO_DIR, 'schema/cv.schema.json');

/** Data as vita's loader reads it (YAML 1.1; dates and decimals kept as written). */
function yamlData(file: string): unknown {
  return YamlSource.parse(file, readFileSync(file, 'utf8')).source.toData();
}

function validator() {
  // Union types (`["string", "number"]`) and a `publications` key that also matches the pattern are valid
  // JSON Schema; ajv's strict mode only asks to opt in to them.
  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, allowMatchingProperties: true });
  ajvFormats.default(ajv);
  return ajv.compile(cvJsonSchema());
}

describe('JSON Schema of cv.yaml', () => {
  it('the committed schema/cv.schema.json is up to date (regenerate with `npm run gen:schema`)', () => {
    expect(readFileSync(COMMITTED, 'utf8')).toBe(cvJsonSchemaText());
  });

  it('`vita schema` prints it and `--out` writes it', async () => {
    const printed = await runCli(['schema']);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe(cvJsonSchemaText());
    const dir = tempDir();
    const written = await runCli(['schema', '--out', 'sub/cv.schema.json'], { cwd: dir });
    expect(written.code).toBe(0);
    expect(readFileSync(path.join(dir, 'sub/cv.schema.json'), 'utf8')).toBe(cvJsonSchemaText());
  });

  it('the example and the corpus validate', () => {
    const validate = validator();
    for (const file of [path.join(REPO_DIR, 'examples/seed/cv.yaml'), path.join(CORPUS_DIR, 'cv.yaml')]) {
      const ok = validate(yamlData(file));
      expect(validate.errors ?? [], file).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('the example points its editor at the committed schema', () => {
    const first = readFileSync(path.join(REPO_DIR, 'examples/seed/cv.yaml'), 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=../../schema/cv.schema.json');
  });

  it('rejects what the loader rejects', () => {
    const validate = validator();
    const cases: [string, unknown][] = [
      ['an unknown key in an entry', { education: [{ school: 'MIT', dates: '2019', shcool: 'x' }] }],
      ['a list where text belongs', { education: [{ school: 'MIT', dates: [2019, 2020] }] }],
      ['a section of the wrong shape', { education: 'Oxford' }],
      ['an unknown top-level option', { paper: 'a5' }],
      ['a typed section with an unknown type', { extra: { type: 'nope', items: [] } }],
      ['a bad check.skip', { check: { skip: 'https://x' } }],
    ];
    for (const [what, data] of cases) expect(validate(data), what).toBe(false);
    expect(validate({ experience: { type: 'positions', items: [{ place: 'Intel' }] } })).toBe(true);
    expect(validate({ misc: ['anything', { goes: 1 }] })).toBe(true);
  });
});
