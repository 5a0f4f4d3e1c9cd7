import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('publication images', () => {
  it('are copied beside the web pages, and only existing ones are referenced', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'publications'));
    mkdirSync(path.join(dir, 'images/publications'), { recursive: true });
    writeFileSync(path.join(dir, 'images/publications/withimage2024.png'), PNG);
    writeFileSync(
      path.join(dir, 'publications/all.bib'),
      `@article{withimage2024, title={With an image}, author={Ada Lovelace}, year={2024}, _venue={JMLR}}
@article{noimage2023, title={Without one}, author={Ada Lovelace}, year={2023}, _venue={JMLR}}
`,
    );
    writeFileSync(
      path.join(dir, 'cv.yaml'),
      `name: Ada Lovelace
order: [[publications, Publications]]
publications:
  name: Lovelace
  file: all.bib
  include_image: true
`,
    );
    const out = path.join(dir, 'out');
    const run = await runCli(['build', 'cv.yaml', '--out', out, '--only', 'md,html', '--offline', '-q'], {
      cwd: dir,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(path.join(out, 'images/publications/withimage2024.png'))).toEqual(PNG);
    expect(existsSync(path.join(out, 'images/publications/noimage2023.png'))).toBe(false);
    const md = readFileSync(path.join(out, 'cv.md'), 'utf8');
    expect(md).toContain('images/publications/withimage2024.png');
    expect(md).not.toContain('noimage2023.png');
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain(
      'images/publications/withimage2024.png',
    );
  });

  describe('symlinks must not escape the CV folder', () => {
    const BIB = `@article{linked2024, title={Linked}, author={Ada Lovelace}, year={2024}, _venue={JMLR}}
@article{inside2023, title={Inside}, author={Ada Lovelace}, year={2023}, _venue={JMLR}}
`;
    const YAML = `name: Ada Lovelace
order: [[publications, Publications]]
publications:
  name: Lovelace
  file: all.bib
  include_image: true
`;

    /** A CV folder with all.bib and cv.yaml, and a secret file in another temp folder. */
    function setUp(): { dir: string; secret: string; outsideDir: string } {
      const dir = tempDir();
      const outsideDir = tempDir();
      const secret = path.join(outsideDir, 'secret.png');
      writeFileSync(secret, 'SECRET-CONTENT');
      writeFileSync(path.join(dir, 'all.bib'), BIB);
      writeFileSync(path.join(dir, 'cv.yaml'), YAML);
      return { dir, secret, outsideDir };
    }

    async function build(dir: string) {
      const out = path.join(dir, 'out');
      const run = await runCli(['build', 'cv.yaml', '--out', out, '--only', 'md,html', '--offline'], {
        cwd: dir,
      });
      return { run, out };
    }

    function allOutputs(out: string): string {
      return readdirSync(out, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => readFileSync(path.join(e.parentPath, e.name), 'utf8'))
        .join('\n');
    }

    it('an image linked to a file outside is refused with a warning at include_image, not copied or shown', async () => {
      const { dir, secret } = setUp();
      mkdirSync(path.join(dir, 'images/publications'), { recursive: true });
      symlinkSync(secret, path.join(dir, 'images/publications/linked2024.png'));
      writeFileSync(path.join(dir, 'images/publications/inside2023.png'), PNG);
      const { run, out } = await build(dir);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain('image-outside-folder');
      expect(run.stderr).toContain(`cv.yaml:6:18`);
      expect(run.stderr).toContain(secret);
      expect(existsSync(path.join(out, 'images/publications/linked2024.png'))).toBe(false);
      expect(readFileSync(path.join(out, 'images/publications/inside2023.png'))).toEqual(PNG);
      const md = readFileSync(path.join(out, 'cv.md'), 'utf8');
      expect(md).not.toContain('linked2024.png');
      expect(md).toContain('inside2023.png');
      expect(allOutputs(out)).not.toContain('SECRET-CONTENT');
    });

    it('/etc/passwd behind a link is refused too', async () => {
      const { dir } = setUp();
      mkdirSync(path.join(dir, 'images/publications'), { recursive: true });
      symlinkSync('/etc/passwd', path.join(dir, 'images/publications/linked2024.png'));
      const { run, out } = await build(dir);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain('image-outside-folder');
      expect(existsSync(path.join(out, 'images/publications/linked2024.png'))).toBe(false);
      expect(allOutputs(out)).not.toContain('root:');
    });

    it('a linked image folder that resolves outside is refused', async () => {
      const { dir, outsideDir } = setUp();
      writeFileSync(path.join(outsideDir, 'linked2024.png'), 'SECRET-CONTENT');
      mkdirSync(path.join(dir, 'images'));
      symlinkSync(outsideDir, path.join(dir, 'images/publications'));
      const { run, out } = await build(dir);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain('image-outside-folder');
      expect(existsSync(path.join(out, 'images/publications/linked2024.png'))).toBe(false);
      expect(allOutputs(out)).not.toContain('SECRET-CONTENT');
    });

    it('a link that resolves inside the CV folder is fine', async () => {
      const { dir } = setUp();
      mkdirSync(path.join(dir, 'images/publications'), { recursive: true });
      writeFileSync(path.join(dir, 'figure.png'), PNG);
      symlinkSync(path.join(dir, 'figure.png'), path.join(dir, 'images/publications/linked2024.png'));
      const { run, out } = await build(dir);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).not.toContain('image-outside-folder');
      expect(readFileSync(path.join(out, 'images/publications/linked2024.png'))).toEqual(PNG);
    });
  });
});
