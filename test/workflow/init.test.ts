/** `vita init`: a new CV repository that builds at once, and a refusal to overwrite anything. */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { YamlSource } from '../../src/load/yaml-source.js';
import { TARGET_NAMES } from '../../src/render/registry.js';
import { cvJsonSchemaText } from '../../src/resolve/json-schema.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();

const FILES = [
  '.github/workflows/cv.yml',
  '.gitignore',
  'README.md',
  'cv.schema.json',
  'cv.yaml',
  'publications.bib',
];

/** Every file under `dir` with its contents and modification time. */
function snapshot(dir: string): Record<string, { text: string; mtimeMs: number }> {
  const out: Record<string, { text: string; mtimeMs: number }> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = { text: readFileSync(file, 'utf8'), mtimeMs: statSync(file).mtimeMs };
  }
  return out;
}

describe('vita init', () => {
  it('writes a CV repository that builds every target without a problem', async () => {
    const dir = path.join(tempDir(), 'my-cv');
    const init = await runCli(['init', dir]);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(Object.keys(snapshot(dir)).sort()).toEqual(FILES);

    const out = path.join(dir, 'build');
    const build = await runCli(['build', path.join(dir, 'cv.yaml'), '--out', out, '--offline'], { cwd: dir });
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    const written = readdirSync(out);
    const fileOf: Record<string, string> = {
      md: 'cv.md',
      html: 'index.html',
      pdf: 'cv.pdf',
      tex: 'cv.tex',
      json: 'cv.json',
    };
    for (const target of TARGET_NAMES) expect(written).toContain(fileOf[target]);
    const md = readFileSync(path.join(out, 'cv.md'), 'utf8');
    expect(md).toContain('Notes on the Analytical Engine');
    expect(md).toContain('On the Uses of the Analytical Engine');
  });

  it('cv.yaml points at the schema beside it, which is the current one, and validates against it', async () => {
    const dir = tempDir();
    expect((await runCli(['init'], { cwd: dir })).code).toBe(0);
    const yaml = readFileSync(path.join(dir, 'cv.yaml'), 'utf8');
    expect(yaml.split('\n')[0]).toBe('# yaml-language-server: $schema=./cv.schema.json');
    expect(readFileSync(path.join(dir, 'cv.schema.json'), 'utf8')).toBe(cvJsonSchemaText());
    const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, allowMatchingProperties: true });
    ajvFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(cvJsonSchemaText()));
    expect(validate(YamlSource.parse('cv.yaml', yaml).source.toData())).toBe(true);
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8')).toMatch(/^build\/$/m);
  });

  it('the workflow builds with Node 20 and publishes build/ to GitHub Pages', async () => {
    const dir = tempDir();
    expect((await runCli(['init', dir])).code).toBe(0);
    const workflow = parse(readFileSync(path.join(dir, '.github/workflows/cv.yml'), 'utf8'));
    const steps = workflow.jobs.build.steps as {
      uses?: string;
      run?: string;
      with?: Record<string, unknown>;
    }[];
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(20);
    expect(
      steps.some((s) => /^npx --yes --package=vita-cv@\d+\.\d+\.\d+ vita build\b/.test(s.run ?? '')),
    ).toBe(true);
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))?.with?.path).toBe('build');
    expect(
      workflow.jobs.deploy.steps.some((s: { uses?: string }) => s.uses?.startsWith('actions/deploy-pages@')),
    ).toBe(true);
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });

  it('a second init refuses, names the files, and changes nothing', async () => {
    const dir = tempDir();
    expect((await runCli(['init', dir])).code).toBe(0);
    writeFileSync(path.join(dir, 'cv.yaml'), 'name: Edited\n');
    const before = snapshot(dir);
    const again = await runCli(['init', dir]);
    expect(again.code).toBe(1);
    for (const file of FILES) expect(again.stderr).toContain(file);
    expect(again.stderr).toContain('nothing was written');
    expect(snapshot(dir)).toEqual(before);
  });

  it('one existing file is enough to write nothing at all', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'README.md'), '# Mine\n');
    const r = await runCli(['init', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not overwriting a file that exists: .*README\.md\n/);
    expect(readdirSync(dir)).toEqual(['README.md']);
    expect(existsSync(path.join(dir, 'cv.yaml'))).toBe(false);
  });
});
