/**
 * Inputs stay inside the CV's folder (issue 19): a `.bib` or a theme named by the YAML, or reached through a
 * link, that lies outside the folders of the YAML files is refused with an error at the line that names it,
 * unless the command line allows its folder (`--allow-read`). Real files in a temporary folder.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { REPO_DIR, useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();
const BIB =
  '@article{outside2024, title={From Outside}, author={Ada Lovelace}, year={2024}, journal={JMLR}}\n';

/** `<root>/cv/cv.yaml` with `yaml`, and `<root>/elsewhere/` beside it holding a .bib and a theme. */
function layout(yaml: string): { root: string; cv: string; elsewhere: string } {
  const root = tempDir();
  const cv = path.join(root, 'cv');
  const elsewhere = path.join(root, 'elsewhere');
  mkdirSync(path.join(cv, 'publications'), { recursive: true });
  mkdirSync(elsewhere);
  writeFileSync(path.join(elsewhere, 'shared.bib'), BIB);
  writeFileSync(path.join(elsewhere, 'theme.typ'), readFileSync(path.join(REPO_DIR, 'themes/default.typ')));
  writeFileSync(path.join(cv, 'cv.yaml'), yaml);
  return { root, cv, elsewhere };
}

const CV = (file: string) => `name: Ada Lovelace
order: [[publications, Publications]]
publications:
  name: Lovelace
  file: ${file}
`;

const build = (cwd: string, args: string[] = []) =>
  runCli(['build', 'cv.yaml', '--offline', '--only', 'md', ...args], { cwd });

describe('inputs outside the CV folder', () => {
  it('a .bib named with ../ is refused at its `file:` line, and nothing is written', async () => {
    const { cv } = layout(CV('../../elsewhere/shared.bib'));
    const run = await build(cv);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/cv\.yaml:5:9: error: .*outside the CV's folder.*\[input-outside-folder\]/);
    expect(run.stderr).toContain('--allow-read');
    expect(existsSync(path.join(cv, 'build'))).toBe(false);
  });

  it('an absolute path is refused too', async () => {
    const { cv, elsewhere } = layout('');
    writeFileSync(path.join(cv, 'cv.yaml'), CV(path.join(elsewhere, 'shared.bib')));
    const run = await build(cv);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('[input-outside-folder]');
  });

  it('a link inside the folder that points outside is refused', async () => {
    const { cv, elsewhere } = layout(CV('all.bib'));
    symlinkSync(path.join(elsewhere, 'shared.bib'), path.join(cv, 'publications/all.bib'));
    const run = await build(cv);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('[input-outside-folder]');
    expect(run.stderr).not.toContain('From Outside');
  });

  it('--allow-read names a folder the build may read: then it builds', async () => {
    const { cv, elsewhere } = layout(CV('../../elsewhere/shared.bib'));
    const run = await build(cv, ['--allow-read', elsewhere]);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(path.join(cv, 'build/cv.md'), 'utf8')).toContain('From Outside');
  });

  it('a link inside the folder to a file inside it is fine', async () => {
    const { cv } = layout(CV('all.bib'));
    writeFileSync(path.join(cv, 'real.bib'), BIB);
    symlinkSync(path.join(cv, 'real.bib'), path.join(cv, 'publications/all.bib'));
    const run = await build(cv);
    expect(run.code, run.stderr).toBe(0);
  });

  it('a theme outside the folder is refused at its `theme:` line', async () => {
    const { cv } = layout('name: Ada Lovelace\ntheme: ../elsewhere/theme.typ\n');
    const run = await runCli(['build', 'cv.yaml', '--offline', '--only', 'pdf'], { cwd: cv });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/cv\.yaml:2:8: error: .*outside the CV's folder.*\[input-outside-folder\]/);
  });
});
