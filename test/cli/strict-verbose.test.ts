/**
 * `--strict` (every warning an error, nothing written) on each build path: build, check, watch; and the
 * grouping of many warnings of one kind, which `--verbose` turns off.
 */
import { EventEmitter } from 'node:events';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runWatch } from '../../src/cli/commands/watch.js';
import { SHOWN_PER_KIND } from '../../src/diagnostics/format.js';
import { startWatch } from '../../src/watch/index.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();

/** A valid CV whose position has `count` details, each with its own unknown LaTeX command (a warning). */
function cvWithUnknownCommands(count: number): string {
  const details = Array.from(
    { length: count },
    (_, i) => `      - worked on \\foo${String.fromCharCode(97 + i)}{thing ${i}}`,
  );
  return `name: Ada Lovelace
order:
  - [positions, Positions]
positions:
  - title: Analyst
    place: Analytical Engine
    dates: 1843
    details:
${details.join('\n')}
`;
}

function setUp(yaml: string): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'cv.yaml'), yaml);
  return dir;
}

const outFiles = (dir: string) =>
  existsSync(path.join(dir, 'out')) ? readdirSync(path.join(dir, 'out')) : [];

describe('--strict', () => {
  it('build: warnings are printed as errors, the exit is 1 and nothing is written', async () => {
    const dir = setUp(cvWithUnknownCommands(1));
    const args = ['build', 'cv.yaml', '--out', 'out', '--only', 'md', '--offline'];
    const lenient = await runCli(args, { cwd: dir });
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toMatch(
      /cv\.yaml:9:19: warning: `positions\[0\]\.details\[0\]`: unknown LaTeX command `\\fooa`/m,
    );
    expect(lenient.stderr).toContain('0 errors, 1 warning\n');
    expect(outFiles(dir)).toEqual(['cv.md']);

    const strictDir = setUp(cvWithUnknownCommands(1));
    const strict = await runCli([...args, '--strict'], { cwd: strictDir });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(
      /cv\.yaml:9:19: error: `positions\[0\]\.details\[0\]`: unknown LaTeX command/m,
    );
    expect(strict.stderr).toContain('1 error, 0 warnings (1 of the errors is a warning: --strict)\n');
    expect(strict.stderr).toContain('nothing was written\n');
    expect(outFiles(strictDir)).toEqual([]);
  });

  it('check: exit 1 with the warnings printed as errors', async () => {
    const dir = setUp(cvWithUnknownCommands(1));
    const lenient = await runCli(['check', 'cv.yaml', '--only', 'md'], { cwd: dir });
    expect(lenient.code).toBe(0);
    const strict = await runCli(['check', 'cv.yaml', '--only', 'md', '--strict'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/cv\.yaml:9:19: error: /m);
    expect(strict.stdout).not.toContain('ok: the CV is valid');
  });

  it('watch: a build with a warning fails, writes nothing, and the overlay gets an error', async () => {
    const dir = setUp(cvWithUnknownCommands(1));
    const handle = await startWatch({
      files: [path.join(dir, 'cv.yaml')],
      outDir: path.join(dir, 'out'),
      targets: ['md', 'tex'],
      now: () => new Date('2024-05-01T00:00:00Z'),
      strict: true,
      port: 0,
    });
    try {
      const build = handle.lastBuild();
      expect(build?.ok).toBe(false);
      expect(build?.written).toEqual([]);
      expect(build?.diagnostics.map((d) => [d.severity, d.code])).toEqual([['error', 'markup']]);
      expect(outFiles(dir)).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it('watch (CLI): says the build failed', async () => {
    const dir = setUp(cvWithUnknownCommands(1));
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (c) => {
      out += String(c);
    });
    stderr.on('data', (c) => {
      err += String(c);
    });
    const signals = new EventEmitter();
    const running = runWatch(
      { stdout, stderr, env: { NO_COLOR: '1' }, cwd: dir },
      ['cv.yaml'],
      {
        out: 'out',
        only: 'md',
        offline: true,
        pdfEngine: 'typst',
        htmlName: 'index.html',
        port: '0',
        open: false,
        strict: true,
      },
      signals,
    );
    for (let i = 0; i < 200 && !/Ctrl-C/.test(out); i++) await new Promise((r) => setTimeout(r, 25));
    signals.emit('SIGINT');
    expect(await running).toBe(0);
    expect(err).toMatch(/cv\.yaml:9:19: error: /m);
    expect(err).toMatch(/build 1 failed/);
    expect(out).not.toMatch(/built in/);
    expect(outFiles(dir)).toEqual([]);
  });
});

describe('many warnings of one kind', () => {
  it('are shown a few times and counted; --verbose lists them all', async () => {
    const dir = setUp(cvWithUnknownCommands(10));
    const args = ['check', 'cv.yaml', '--only', 'md'];
    const grouped = await runCli(args, { cwd: dir });
    expect(grouped.code).toBe(0);
    expect(grouped.stderr.match(/warning: /g)).toHaveLength(SHOWN_PER_KIND);
    expect(grouped.stderr).toContain(`… and ${10 - SHOWN_PER_KIND} more like this\n`);
    expect(grouped.stderr).toContain(
      `0 errors, 10 warnings; ${10 - SHOWN_PER_KIND} like others not shown (--verbose lists them all)\n`,
    );
    const verbose = await runCli([...args, '--verbose'], { cwd: dir });
    expect(verbose.stderr.match(/warning: /g)).toHaveLength(10);
    expect(verbose.stderr).toMatch(/cv\.yaml:18:19: warning: .*`\\fooj`/);
    expect(verbose.stderr).toContain('0 errors, 10 warnings\n');
  });

  it('build --verbose is accepted too', async () => {
    const dir = setUp(cvWithUnknownCommands(10));
    const r = await runCli(['build', 'cv.yaml', '--out', 'out', '--only', 'md', '--offline', '--verbose'], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    expect(r.stderr.match(/warning: /g)).toHaveLength(10);
  });
});
