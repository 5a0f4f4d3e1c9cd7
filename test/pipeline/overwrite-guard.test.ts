/**
 * The overwrite guard (issue 19): no output replaces a file the build read: YAML, `.bib`, the PDF theme,
 * publication images, the enrichment cache. Real files in a temp folder; links and `..` do not get around it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { REPO_DIR, useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

const CV = `name: Ada Lovelace
order: [[publications, Publications]]
publications:
  name: Lovelace
  file: all.bib
  include_image: true
`;
const BIB =
  '@article{withimage2024, title={With an image}, author={Ada Lovelace}, year={2024}, _venue={JMLR}}\n';

/** A CV folder: cv.yaml, publications/all.bib, images/publications/withimage2024.png. */
function cvFolder(yaml = CV): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'publications'));
  mkdirSync(path.join(dir, 'images/publications'), { recursive: true });
  writeFileSync(path.join(dir, 'images/publications/withimage2024.png'), PNG);
  writeFileSync(path.join(dir, 'publications/all.bib'), BIB);
  writeFileSync(path.join(dir, 'cv.yaml'), yaml);
  return dir;
}

const build = (dir: string, args: string[]) =>
  runCli(['build', 'cv.yaml', '--offline', ...args], { cwd: dir });

/**
 * The `output-overwrites-input` error names both files (relative to the CV folder `dir`; shown absolute
 * here, as the test's working directory is elsewhere); exit 1; "nothing was written".
 */
function expectRefused(run: { code: number; stderr: string }, dir: string, output: string, input: string) {
  expect(run.code, run.stderr).toBe(1);
  const line = run.stderr.split('\n').find((l) => l.includes('would overwrite the input')) ?? '';
  expect(line, run.stderr).toContain(`the output \`${path.join(dir, output)}\``);
  expect(line).toContain(`the input \`${path.join(dir, input)}\``);
  expect(run.stderr).toContain('nothing was written');
}

describe('the overwrite guard', () => {
  it('protects a .bib file: --out publications --html-name all.bib', async () => {
    const dir = cvFolder();
    const run = await build(dir, ['--out', 'publications', '--only', 'md,html', '--html-name', 'all.bib']);
    expectRefused(run, dir, 'publications/all.bib', 'publications/all.bib');
    expect(readFileSync(path.join(dir, 'publications/all.bib'), 'utf8')).toBe(BIB);
    // Nothing at all was written: not even cv.md beside it.
    expect(readdirSync(path.join(dir, 'publications'))).toEqual(['all.bib']);
  });

  it("protects the user's PDF theme: `theme: cv.typ` with --out the CV's folder", async () => {
    const theme = readFileSync(path.join(REPO_DIR, 'themes/default.typ'), 'utf8');
    const dir = cvFolder(`${CV}theme: cv.typ\n`);
    writeFileSync(path.join(dir, 'cv.typ'), theme);
    const run = await build(dir, ['--out', '.', '--only', 'pdf']);
    expectRefused(run, dir, 'cv.typ', 'cv.typ');
    expect(readFileSync(path.join(dir, 'cv.typ'), 'utf8')).toBe(theme);
    expect(existsSync(path.join(dir, 'cv.pdf'))).toBe(false);
  }, 60_000);

  it('protects a publication image from another output', async () => {
    const dir = cvFolder();
    const run = await build(dir, [
      '--out',
      'images/publications',
      '--only',
      'html',
      '--html-name',
      'withimage2024.png',
    ]);
    expectRefused(run, dir, 'images/publications/withimage2024.png', 'images/publications/withimage2024.png');
    expect(readFileSync(path.join(dir, 'images/publications/withimage2024.png'))).toEqual(PNG);
  });

  it("copies no image onto itself: --out the CV's folder builds and leaves the image as it is", async () => {
    const dir = cvFolder();
    const run = await build(dir, ['--out', '.', '--only', 'md,html', '-q']);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'images/publications/withimage2024.png'))).toEqual(PNG);
    expect(readFileSync(path.join(dir, 'cv.md'), 'utf8')).toContain('images/publications/withimage2024.png');
  });

  it('protects the enrichment cache files', async () => {
    const dir = cvFolder();
    mkdirSync(path.join(dir, '.vita-cache'));
    writeFileSync(path.join(dir, '.vita-cache/github.json'), '{"version":1}\n');
    const run = await build(dir, ['--out', '.vita-cache', '--only', 'html', '--html-name', 'github.json']);
    expectRefused(run, dir, '.vita-cache/github.json', '.vita-cache/github.json');
    expect(readFileSync(path.join(dir, '.vita-cache/github.json'), 'utf8')).toBe('{"version":1}\n');
  });

  it('sees through a symlinked output folder', async () => {
    const dir = cvFolder();
    symlinkSync(dir, path.join(dir, 'site'), 'dir');
    const run = await build(dir, ['--out', 'site', '--only', 'html', '--html-name', 'cv.yaml']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(`would overwrite the input \`${path.join(dir, 'cv.yaml')}\``);
    expect(readFileSync(path.join(dir, 'cv.yaml'), 'utf8')).toBe(CV);
  });

  it('sees through `x/../` in --out', async () => {
    const dir = cvFolder();
    const run = await build(dir, ['--out', './publications/../', '--only', 'html', '--html-name', 'cv.yaml']);
    expectRefused(run, dir, 'cv.yaml', 'cv.yaml');
    expect(readFileSync(path.join(dir, 'cv.yaml'), 'utf8')).toBe(CV);
  });

  it('protects an input given through a symlink (the link and the file it points to)', async () => {
    const dir = cvFolder();
    mkdirSync(path.join(dir, 'real'));
    writeFileSync(path.join(dir, 'real/cv.yaml'), 'name: Ada Lovelace\n');
    symlinkSync(path.join(dir, 'real'), path.join(dir, 'alias'), 'dir');
    const run = await runCli(
      ['build', 'real/cv.yaml', '--offline', '--out', 'alias', '--only', 'html', '--html-name', 'cv.yaml'],
      { cwd: dir },
    );
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(`would overwrite the input \`${path.join(dir, 'real/cv.yaml')}\``);
    expect(readFileSync(path.join(dir, 'real/cv.yaml'), 'utf8')).toBe('name: Ada Lovelace\n');
  });
});
