import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
});
