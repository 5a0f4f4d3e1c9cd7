/** `vita init --locale de`: the new CV starts in German, and builds so. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();

describe('vita init --locale', () => {
  it('writes a cv.yaml in German that builds a German page without a warning', async () => {
    const dir = tempDir();
    const init = await runCli(['init', dir, '--locale', 'de']);
    expect(init.code).toBe(0);
    const yaml = readFileSync(path.join(dir, 'cv.yaml'), 'utf8');
    expect(yaml).toContain('\nlocale: de\n');
    expect(yaml).toContain('- [education, "Ausbildung"]');
    expect(yaml).toContain('- [about, NONE]');
    const out = path.join(dir, 'build');
    const build = await runCli(['build', '--only', 'html,md', '--out', out, '--date', '2024-03-05'], {
      cwd: dir,
    });
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    const page = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(page).toContain('<html lang="de">');
    expect(page).toContain('Ausbildung');
    expect(page).toContain('1842 – heute');
    expect(readFileSync(path.join(out, 'cv.md'), 'utf8')).toContain('Zuletzt aktualisiert am 5. März 2024');
  });

  it('without --locale the starter is unchanged (English, no locale key)', async () => {
    const dir = tempDir();
    expect((await runCli(['init', dir])).code).toBe(0);
    const yaml = readFileSync(path.join(dir, 'cv.yaml'), 'utf8');
    expect(yaml).not.toContain('locale:');
    expect(yaml).toContain('- [education, Education]');
  });

  it('a language vita has no labels for is a usage error, and nothing is written', async () => {
    const dir = path.join(tempDir(), 'new');
    const run = await runCli(['init', dir, '--locale', 'xx']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no labels for `xx`');
    expect(existsSync(dir)).toBe(false);
  });
});
