/**
 * Watch mode keeps the promises `vita build` makes about the user's files (issue 19): no output replaces an
 * input (the YAML, a `.bib`, the PDF theme), temporary files an interrupted run left are removed and
 * reported, and a real `vita watch` process keeps rebuilding after its YAML is deleted and recreated.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseTargets } from '../../src/cli/commands/build.js';
import { startWatch, type WatchHandle } from '../../src/watch/index.js';
import { EVENTS_PATH } from '../../src/watch/live-reload.js';
import { pdfFlatText } from '../helpers/pdf.js';
import { REPO_DIR, useTempDirs } from '../helpers/temp-dir.js';
import { SseClient } from './sse-client.js';

const tempDir = useTempDirs();
const handles: WatchHandle[] = [];
afterEach(async () => {
  for (const handle of handles.splice(0)) await handle.close();
});

/** A copy of the example in a temporary folder. */
function copyExample(): string {
  const dir = tempDir();
  cpSync(path.join(REPO_DIR, 'examples/seed'), dir, { recursive: true });
  return dir;
}

async function watchIn(
  dir: string,
  options: { out: string; targets: string; htmlFileName?: string },
): Promise<WatchHandle> {
  const handle = await startWatch({
    files: [path.join(dir, 'cv.yaml')],
    outDir: path.join(dir, options.out),
    targets: parseTargets(options.targets),
    htmlFileName: options.htmlFileName,
    now: () => new Date('2024-05-01T00:00:00Z'),
    enrich: { cacheDir: path.join(dir, '.vita-cache'), offline: true, quiet: true },
    port: 0,
  });
  handles.push(handle);
  return handle;
}

const codes = (handle: WatchHandle) => handle.lastBuild().diagnostics.map((d) => d.code);

/** Saves cv.yaml with its about text marked: `I am <words> research scientist`. */
function editAbout(yaml: string, words: string): void {
  writeFileSync(
    yaml,
    readFileSync(yaml, 'utf8').replace('I am a research scientist', `I am ${words} research scientist`),
  );
}

describe('watch mode: the overwrite guard', () => {
  it('refuses to replace a .bib file (--out publications --html-name all.bib) and writes nothing', async () => {
    const dir = copyExample();
    const bib = path.join(dir, 'publications/all.bib');
    const before = readFileSync(bib, 'utf8');
    const names = readdirSync(path.join(dir, 'publications')).sort();
    const handle = await watchIn(dir, { out: 'publications', targets: 'md,html', htmlFileName: 'all.bib' });
    expect(handle.lastBuild().ok).toBe(false);
    expect(codes(handle)).toContain('output-overwrites-input');
    expect(readFileSync(bib, 'utf8')).toBe(before);
    expect(readdirSync(path.join(dir, 'publications')).sort()).toEqual(names);
    // An edit rebuilds, and is refused again: the .bib is still the user's.
    const next = handle.nextBuild();
    writeFileSync(path.join(dir, 'cv.yaml'), `${readFileSync(path.join(dir, 'cv.yaml'), 'utf8')}\n`);
    expect((await next).ok).toBe(false);
    expect(readFileSync(bib, 'utf8')).toBe(before);
  });

  it("refuses to replace the user's PDF theme (`theme: cv.typ`, output in the CV's folder)", async () => {
    const dir = copyExample();
    const theme = readFileSync(path.join(REPO_DIR, 'themes/default.typ'), 'utf8');
    writeFileSync(path.join(dir, 'cv.typ'), theme);
    writeFileSync(
      path.join(dir, 'cv.yaml'),
      `${readFileSync(path.join(dir, 'cv.yaml'), 'utf8')}\ntheme: cv.typ\n`,
    );
    const handle = await watchIn(dir, { out: '.', targets: 'md,pdf' });
    const build = handle.lastBuild();
    expect(build.ok).toBe(false);
    expect(codes(handle)).toContain('output-overwrites-input');
    expect(readFileSync(path.join(dir, 'cv.typ'), 'utf8')).toBe(theme);
    expect(existsSync(path.join(dir, 'cv.pdf'))).toBe(false);
  }, 60_000);
});

describe('watch mode: the steps of a rebuild', () => {
  it('writes the page and cv.md when the PDF fails to typeset', async () => {
    const dir = copyExample();
    writeFileSync(path.join(dir, 'broken.typ'), '#let x = (\n');
    const yaml = path.join(dir, 'cv.yaml');
    writeFileSync(yaml, `${readFileSync(yaml, 'utf8')}\ntheme: broken.typ\n`);
    const handle = await watchIn(dir, { out: 'build', targets: 'md,html,pdf' });
    expect(handle.lastBuild().ok).toBe(false);
    expect(codes(handle)).toContain('typst-compile');
    const next = handle.nextBuild();
    editAbout(yaml, 'a STEPPED');
    const build = await next;
    expect(build.ok).toBe(false);
    expect(readFileSync(path.join(dir, 'build/index.html'), 'utf8')).toContain('STEPPED');
    expect(readFileSync(path.join(dir, 'build/cv.md'), 'utf8')).toContain('STEPPED');
    expect(existsSync(path.join(dir, 'build/cv.pdf'))).toBe(false);
  }, 60_000);
});

describe("watch mode with the output in the CV's own folder (--out .)", () => {
  it('watches the inputs beside the outputs: an edit rebuilds, and its own writes trigger nothing', async () => {
    const dir = copyExample();
    const yaml = path.join(dir, 'cv.yaml');
    const handle = await watchIn(dir, { out: '.', targets: 'md,html' });
    expect(handle.lastBuild().ok).toBe(true);
    expect(handle.inputs()).toContain(yaml);
    const next = handle.nextBuild();
    editAbout(yaml, 'an EDITED');
    const edited = await next;
    expect(edited.ok).toBe(true);
    expect(edited.trigger).toEqual([yaml]);
    expect(readFileSync(path.join(dir, 'cv.md'), 'utf8')).toContain('EDITED');
    // Writing cv.md and index.html beside cv.yaml started no build of its own.
    let builds = 0;
    const after = handle.nextBuild().then(() => builds++);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(builds).toBe(0);
    await handle.rebuild();
    await after;
  });
});

describe('watch mode: leftovers of an interrupted run', () => {
  it('removes temporary files a dead process left in the output folder, and says so', async () => {
    const dir = copyExample();
    const out = path.join(dir, 'build');
    // A process id that cannot be alive (above the kernel's limit), so the leftover is stale at once.
    mkdirSync(out);
    const leftover = path.join(out, 'cv.md.vita-tmp-99999999-0123abcd');
    writeFileSync(leftover, 'half-written');
    const handle = await watchIn(dir, { out: 'build', targets: 'md' });
    expect(handle.lastBuild().ok).toBe(true);
    expect(existsSync(leftover)).toBe(false);
    const removed = handle.lastBuild().diagnostics.find((d) => d.code === 'stale-temp-files-removed');
    expect(removed?.message).toContain('cv.md.vita-tmp-99999999-0123abcd');
    expect(readdirSync(out).filter((n) => n.includes('vita-tmp'))).toEqual([]);
  });
});

/** `vita watch` as users run it: a separate process, its output read line by line. */
class WatchProcess {
  private output = '';
  readonly child: ChildProcess;
  constructor(dir: string, targets: readonly string[] = ['--only', 'md']) {
    this.child = spawn(
      process.execPath,
      [
        path.join(REPO_DIR, 'bin/vita.js'),
        'watch',
        'cv.yaml',
        ...targets,
        '--offline',
        '--port',
        '0',
        '--no-open',
      ],
      { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child.stdout?.on('data', (c) => {
      this.output += String(c);
    });
    this.child.stderr?.on('data', (c) => {
      this.output += String(c);
    });
  }
  /** Everything the process printed so far. */
  get printed(): string {
    return this.output;
  }
  /** Waits until `pattern` has matched `count` times in everything the process printed. */
  async waitFor(pattern: RegExp, count: number, timeoutMs = 20_000): Promise<void> {
    const global = new RegExp(pattern.source, 'g');
    const deadline = Date.now() + timeoutMs;
    while ((this.output.match(global)?.length ?? 0) < count) {
      if (Date.now() > deadline || this.child.exitCode !== null)
        throw new Error(`waited for ${count} × ${pattern} in:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  stop(): Promise<number | null> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) resolve(this.child.exitCode);
      this.child.once('exit', (code) => resolve(code));
      this.child.kill('SIGINT');
    });
  }
}

describe.skipIf(!existsSync(path.join(REPO_DIR, 'dist/bundle/cli.cjs')))('vita watch, a real process', () => {
  it('keeps rebuilding after cv.yaml is deleted and recreated', async () => {
    const dir = copyExample();
    const yaml = path.join(dir, 'cv.yaml');
    const original = readFileSync(yaml, 'utf8');
    const page = () => readFileSync(path.join(dir, 'build/cv.md'), 'utf8');
    const watch = new WatchProcess(dir);
    try {
      // Watching starts once the first build is done and the file watcher is ready.
      await watch.waitFor(/Ctrl-C to stop/, 1);
      unlinkSync(yaml);
      await watch.waitFor(/error/, 1);
      writeFileSync(
        yaml,
        original.replace('I am a research scientist', 'I am a RECREATED research scientist'),
      );
      await watch.waitFor(/built in \d+ ms/, 2);
      expect(page()).toContain('RECREATED');
      // The edit after the recreation is seen: the watch did not go deaf.
      writeFileSync(yaml, original.replace('I am a research scientist', 'I am an EDITED research scientist'));
      await watch.waitFor(/built in \d+ ms/, 3);
      expect(page()).toContain('EDITED');
    } finally {
      expect(await watch.stop()).toBe(0);
    }
  }, 60_000);

  it('tells the browser about the page before it typesets the PDF', async () => {
    const dir = copyExample();
    const yaml = path.join(dir, 'cv.yaml');
    const pdf = path.join(dir, 'build/cv.pdf');
    // Every target, as `vita watch` builds by default: the PDF is typeset on the Typst worker thread, started
    // as soon as the CV is read, while this thread renders and writes the page.
    const watch = new WatchProcess(dir, []);
    let events: SseClient | undefined;
    try {
      await watch.waitFor(/Ctrl-C to stop/, 1);
      const port = Number(/http:\/\/127\.0\.0\.1:(\d+)\//.exec(watch.printed)?.[1]);
      events = await SseClient.connect(`http://127.0.0.1:${port}${EVENTS_PATH}`);
      await events.next('diagnostics');
      const pdfBefore = statSync(pdf).mtimeMs;
      editAbout(yaml, 'a PROMPT');
      type Reload = { written: string[] };
      await events.next('reload', (d: Reload) => d.written.includes('index.html'), 20_000);
      // The page's event comes before the PDF's (it once waited in the socket's buffer behind the Typst
      // compile, ~300 ms after the save, when that ran on this thread): `next` drops the events before the
      // one it returns, so a PDF event sent first would be gone and the wait below would fail. (Whether the
      // file is already rewritten when the page's event arrives is timing: the PDF now typesets meanwhile.)
      await events.next('reload', (d: Reload) => d.written.includes('cv.pdf'), 20_000);
      expect(statSync(pdf).mtimeMs).toBeGreaterThan(pdfBefore);
      expect(await pdfFlatText(readFileSync(pdf))).toContain('I am a PROMPT research scientist');
      // The worker keeps Typst's caches from one build to the next: the next edit is typeset, not a stale one.
      writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('a PROMPT', 'a SECOND'));
      await events.next('reload', (d: Reload) => d.written.includes('cv.pdf'), 20_000);
      const second = await pdfFlatText(readFileSync(pdf));
      expect(second).toContain('I am a SECOND research scientist');
      expect(second).not.toContain('PROMPT');
    } finally {
      events?.close();
      expect(await watch.stop()).toBe(0);
    }
  }, 60_000);
});

describe('watch mode under a burst of saves', () => {
  it('50 saves in one second, good and broken: the server stays up, the page ends at the last good build, memory stays flat', async () => {
    const dir = copyExample();
    const yaml = path.join(dir, 'cv.yaml');
    const original = readFileSync(yaml, 'utf8');
    const handle = await watchIn(dir, { out: 'build', targets: 'md,html' });
    const heapBefore = process.memoryUsage().heapUsed;
    const save = (i: number, broken: boolean) =>
      writeFileSync(
        yaml,
        broken
          ? `${original}\nbroken: [unclosed save ${i}\n`
          : original.replace('I am a research scientist', `I am a research scientist (save ${i})`),
      );
    // 50 saves in about a second, every third one broken, the last one good.
    for (let i = 0; i < 50; i++) {
      save(i, i % 3 === 2);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // A build after every build in progress, of the file as it is now.
    const good = await handle.rebuild();
    expect(good.ok).toBe(true);
    expect(pageOf(dir)).toContain('save 49');
    // One more save, broken: the page stays at the last good build, and the server answers.
    save(50, true);
    const broken = await handle.rebuild();
    expect(broken.ok).toBe(false);
    expect(broken.diagnostics.some((d) => d.severity === 'error' && d.position?.line !== undefined)).toBe(
      true,
    );
    expect(pageOf(dir)).toContain('save 49');
    const response = await fetch(handle.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('save 49');
    // Dozens of builds leave no growing heap behind (parsed files are cached by path, not by version).
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  }, 60_000);
});

function pageOf(dir: string): string {
  try {
    return readFileSync(path.join(dir, 'build/index.html'), 'utf8');
  } catch {
    return '';
  }
}
