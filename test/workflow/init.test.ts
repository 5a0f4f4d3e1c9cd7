/** `vita init`: a new CV repository that builds at once, and a refusal to overwrite anything. */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { installSource } from '../../src/init/install-source.js';
import { YamlSource } from '../../src/load/yaml-source.js';
import { TARGET_NAMES } from '../../src/render/registry.js';
import { cvJsonSchemaText } from '../../src/resolve/json-schema.js';
import { runCli } from '../helpers/run-cli.js';
import { REPO_DIR, useTempDirs } from '../helpers/temp-dir.js';

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
    const source = installSource();
    const manifest = JSON.parse(readFileSync(path.join(REPO_DIR, 'package.json'), 'utf8'));
    expect(source.spec).toBe(`${manifest.repository.url}#v${manifest.version}`);
    expect(source.command).toBe(
      `npm pack --allow-git=all git+https://github.com/vita-cv/vita.git#v${manifest.version} && npm install --global ./vita-cv-${manifest.version}.tgz`,
    );
    const install = steps.findIndex((s) => s.run === source.command);
    const build = steps.findIndex((s) => /^vita build\b/.test(s.run ?? ''));
    expect(install).toBeGreaterThan(0);
    expect(build).toBeGreaterThan(install);
    // The README installs vita the same way, and names the registry package for later.
    const readme = readFileSync(path.join(dir, 'README.md'), 'utf8');
    expect(readme).toContain(source.command);
    expect(readme).toContain(`npm install --global vita-cv@${manifest.version}`);
    expect(readme).not.toMatch(/npx|npmjs\.com/);
    expect(readFileSync(path.join(dir, 'cv.yaml'), 'utf8')).not.toMatch(/unpkg|vita-cv@/);
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))?.with?.path).toBe('build');
    expect(
      workflow.jobs.deploy.steps.some((s: { uses?: string }) => s.uses?.startsWith('actions/deploy-pages@')),
    ).toBe(true);
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });

  it("runs the workflow's steps in order against a local copy, vita installed from this checkout", async () => {
    const dir = path.join(tempDir(), 'my-cv');
    expect((await runCli(['init', dir])).code).toBe(0);
    const workflow = parse(readFileSync(path.join(dir, '.github/workflows/cv.yml'), 'utf8'));
    const steps = workflow.jobs.build.steps as {
      name?: string;
      id?: string;
      uses?: string;
      run?: string;
      with?: Record<string, unknown>;
      env?: Record<string, string>;
    }[];
    const bin = path.join(tempDir(), 'bin');
    const outputs: Record<string, string> = { 'secrets.GITHUB_TOKEN': '' };
    const expand = (text: string): string =>
      text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expression: string) => {
        const value = outputs[expression];
        if (value === undefined) throw new Error(`the test does not know \${{ ${expression} }}`);
        return value;
      });
    const ran: string[] = [];
    for (const step of steps) {
      const action = step.uses?.replace(/@.*$/, '');
      if (action === 'actions/checkout' || action === 'actions/cache') {
        ran.push(action); // the folder is the checkout; the cache starts empty
      } else if (action === 'actions/setup-node') {
        expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(
          Number(step.with?.['node-version']),
        );
        ran.push(action);
      } else if (action === 'actions/configure-pages') {
        outputs[`steps.${step.id}.outputs.base_url`] = 'https://ada.github.io/my-cv';
        ran.push(action);
      } else if (action === 'actions/upload-pages-artifact') {
        const site = path.join(dir, String(step.with?.path));
        expect(readdirSync(site)).toEqual(expect.arrayContaining(['index.html', 'cv.pdf']));
        ran.push(action);
      } else if (step.run !== undefined) {
        let command = expand(step.run);
        if (command === installSource().command) {
          // Offline stand-in for installing from the Git URL: the `vita` command of this checkout's build
          // on PATH, as `npm install --global <checkout>` links it.
          expect(existsSync(path.join(REPO_DIR, 'dist/bundle/cli.cjs')), 'run `npm run build` first').toBe(
            true,
          );
          mkdirSync(bin, { recursive: true });
          symlinkSync(path.join(REPO_DIR, 'bin/vita.js'), path.join(bin, 'vita'));
          ran.push('install');
          continue;
        }
        // Tests do not call the internet: the build skips GitHub stars and citation counts.
        command = command.replace(/^vita build\b/, 'vita build --offline');
        const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v)]));
        const r = spawnSync('sh', ['-c', command], {
          cwd: dir,
          encoding: 'utf8',
          timeout: 120_000,
          env: { ...process.env, ...env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, NO_COLOR: '1' },
        });
        expect(r.status, `${command}\n${r.stderr}`).toBe(0);
        ran.push(command);
      } else {
        throw new Error(`the test does not know the step ${JSON.stringify(step)}`);
      }
    }
    expect(ran).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'actions/configure-pages',
      'actions/cache',
      'install',
      'vita build --offline --base-url "https://ada.github.io/my-cv"',
      'actions/upload-pages-artifact',
    ]);
    // The page links its own PDF, relative to the page, so it works from disk and under /my-cv/ alike.
    const page = readFileSync(path.join(dir, 'build/index.html'), 'utf8');
    expect(page).toContain('href="./cv.pdf"');
    expect(page).not.toMatch(/\s(?:href|src)="\/(?!\/)/);
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
