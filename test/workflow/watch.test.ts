/**
 * Watch mode on a copy of examples/seed: an edit rebuilds the output and sends `reload`; a broken edit sends
 * its diagnostics (file:line:col) and keeps the last good output; the preview server serves only the output
 * folder, with the live-reload client in HTML responses and never in the files; Ctrl-C stops cleanly.
 */
import { EventEmitter } from 'node:events';
import { cpSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTargets } from '../../src/cli/commands/build.js';
import { runWatch } from '../../src/cli/commands/watch.js';
import { startWatch, type WatchHandle } from '../../src/watch/index.js';
import { CLIENT_SCRIPT_HASH, EVENTS_PATH } from '../../src/watch/live-reload.js';
import { runCli } from '../helpers/run-cli.js';
import { REPO_DIR, useTempDirs } from '../helpers/temp-dir.js';
import { SseClient } from './sse-client.js';

const tempDir = useTempDirs();

/** A copy of the example in a temporary folder. */
function copyExample(): { dir: string; yaml: string; out: string } {
  const dir = tempDir();
  cpSync(path.join(REPO_DIR, 'examples/seed'), dir, { recursive: true });
  return { dir, yaml: path.join(dir, 'cv.yaml'), out: path.join(dir, 'build') };
}

/** A raw GET (the path is sent exactly as given, `..` and all). */
function fetchRaw(port: number, rawPath: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method: 'GET', agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** Watch mode on a copy of the example, offline, with a fixed date, on a free port. */
function watchExample(example: ReturnType<typeof copyExample>, targets: string): Promise<WatchHandle> {
  return startWatch({
    files: [example.yaml],
    outDir: example.out,
    targets: parseTargets(targets),
    now: () => new Date('2024-05-01T00:00:00Z'),
    enrich: { cacheDir: path.join(example.dir, '.vita-cache'), offline: true, quiet: true },
    port: 0,
  });
}

describe('vita watch', () => {
  let example: ReturnType<typeof copyExample>;
  let handle: WatchHandle;

  beforeAll(async () => {
    example = copyExample();
    handle = await watchExample(example, 'md,html');
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('builds at start and watches the YAML and the .bib file', () => {
    expect(handle.lastBuild().ok).toBe(true);
    expect(
      handle
        .lastBuild()
        .written.map((f) => path.basename(f))
        .sort(),
    ).toEqual(['cv.md', 'index.html']);
    expect(handle.inputs()).toEqual(
      [path.join(example.dir, 'cv.yaml'), path.join(example.dir, 'publications/all.bib')].sort(),
    );
    expect(handle.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('an edit rebuilds the output and sends `reload`; a broken edit sends diagnostics and keeps the output', async () => {
    const events = await SseClient.connect(new URL(EVENTS_PATH, handle.url).href);
    try {
      // On connecting, the client learns the state of the last build.
      expect((await events.next('diagnostics')).data).toMatchObject({ build: 1, ok: true });

      const original = readFileSync(example.yaml, 'utf8');
      writeFileSync(
        example.yaml,
        original.replace('I am a research scientist', 'I am a WATCHED research scientist'),
      );
      // (A 30 s wait once passed with no event here: chokidar had dropped the save; see watch-quick-saves.)
      // The page is written and announced first, alone; the other files follow in a second `reload`.
      const reload = await events.next('reload', () => true, 30_000);
      expect(reload.data).toMatchObject({ build: 2, written: ['index.html'] });
      expect(readFileSync(path.join(example.out, 'index.html'), 'utf8')).toContain('WATCHED');
      const rest = await events.next('reload', () => true, 30_000);
      expect(rest.data).toMatchObject({ build: 2, written: ['cv.md'] });
      const md = readFileSync(path.join(example.out, 'cv.md'), 'utf8');
      expect(md).toContain('I am a WATCHED research scientist');

      const mdBefore = { text: md, mtimeMs: statSync(path.join(example.out, 'cv.md')).mtimeMs };
      const broken = original.replace('  first: Brandon', '  first: [Brandon');
      writeFileSync(example.yaml, broken);
      const failed = await events.next('diagnostics', (d: { ok: boolean }) => !d.ok, 30_000);
      const diagnostics = (
        failed.data as {
          diagnostics: { severity: string; file: string; line: number; column: number; message: string }[];
        }
      ).diagnostics;
      const error = diagnostics.find((d) => d.severity === 'error');
      expect(error).toMatchObject({ line: 7, column: 3 });
      expect(error?.file).toMatch(/cv\.yaml$/);
      expect(error?.message).toMatch(/invalid YAML/);
      expect(handle.lastBuild().ok).toBe(false);
      expect(readFileSync(path.join(example.out, 'cv.md'), 'utf8')).toBe(mdBefore.text);
      expect(statSync(path.join(example.out, 'cv.md')).mtimeMs).toBe(mdBefore.mtimeMs);

      // Fixing it brings the page back.
      writeFileSync(example.yaml, original);
      await events.next('reload', (d: { written: string[] }) => d.written.includes('cv.md'), 30_000);
      expect(readFileSync(path.join(example.out, 'cv.md'), 'utf8')).not.toContain('WATCHED');
    } finally {
      events.close();
    }
  });

  it('an edit of the .bib file rebuilds too', async () => {
    const bib = path.join(example.dir, 'publications/all.bib');
    const next = handle.nextBuild();
    const text = readFileSync(bib, 'utf8');
    const title = /title\s*=\s*\{([^{}]+)\}/.exec(text)?.[1] as string;
    writeFileSync(bib, text.replace(title, `${title} EDITED`));
    const build = await next;
    expect(build.ok).toBe(true);
    expect(build.trigger).toEqual([bib]);
    expect(readFileSync(path.join(example.out, 'cv.md'), 'utf8')).toContain(`${title} EDITED`);
  });

  it('serves the output with content types and the live-reload client in HTML only', async () => {
    const page = await fetchRaw(handle.port, '/');
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html; charset=utf-8');
    expect(page.body).toContain(EVENTS_PATH);
    // The page's Content-Security-Policy lets the client run and connect back.
    const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/
      .exec(page.body)?.[1]
      ?.replace(/&#39;/g, "'");
    expect(policy).toMatch(/(^|; )connect-src 'self'(;|$)/);
    expect(policy).toMatch(
      new RegExp(`(^|; )script-src 'sha256-[^']+' ${CLIENT_SCRIPT_HASH.replace(/[+/]/g, '\\$&')}(;|$)`),
    );
    expect(readFileSync(path.join(example.out, 'index.html'), 'utf8')).not.toContain(EVENTS_PATH);
    const md = await fetchRaw(handle.port, '/cv.md');
    expect(md.type).toBe('text/markdown; charset=utf-8');
    expect(md.body).toBe(readFileSync(path.join(example.out, 'cv.md'), 'utf8'));
    const pdf = await fetchRaw(handle.port, '/__vita/pdf');
    expect(pdf.body).toContain('<main id="vita-pdf"');
    expect(pdf.body).toContain(`from '/__vita/pdfjs/pdf.min.mjs'`);
    expect(pdf.body).toContain(EVENTS_PATH);
    expect((await fetchRaw(handle.port, '/nope.html')).status).toBe(404);
  });

  it('serves the two files of PDF.js the preview loads, and nothing else of the package', async () => {
    for (const name of ['pdf.min.mjs', 'pdf.worker.min.mjs']) {
      const file = await fetchRaw(handle.port, `/__vita/pdfjs/${name}`);
      expect(file.status).toBe(200);
      expect(file.type).toBe('text/javascript; charset=utf-8');
      expect(file.body.length).toBeGreaterThan(100_000);
    }
    for (const raw of [
      '/__vita/pdfjs/pdf.mjs',
      '/__vita/pdfjs/../../package.json',
      '/__vita/pdfjs/%2e%2e/LICENSE',
      '/__vita/pdfjs/',
      '/__vita/pdfjs/LICENSE',
    ]) {
      expect((await fetchRaw(handle.port, raw)).status, raw).toBe(404);
    }
  });

  it('refuses every path outside the output folder', async () => {
    writeFileSync(path.join(example.dir, 'secret.txt'), 'secret');
    for (const raw of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/sub/../../secret.txt',
      '/%2e%2e%5csecret.txt',
    ]) {
      const r = await fetchRaw(handle.port, raw);
      expect(r.status, raw).toBe(404); // as for a missing file (issue 18)
      expect(r.body, raw).not.toContain('secret\n');
    }
  });
});

describe('vita watch: the problems a tab is told about', () => {
  it('carry a very long quoted value shortened, as the terminal prints it', async () => {
    const example = copyExample();
    const name = `activ${'y'.repeat(20_000)}`;
    const original = readFileSync(example.yaml, 'utf8');
    writeFileSync(example.yaml, original.replace('order:\n', `order:\n  - [${name}, Activities]\n`));
    const handle = await watchExample(example, 'html');
    const events = await SseClient.connect(new URL(EVENTS_PATH, handle.url).href);
    try {
      const state = (await events.next('diagnostics')).data as { diagnostics: { message: string }[] };
      const unknown = state.diagnostics.find((d) => d.message.includes('activyyy'));
      expect(unknown?.message).toContain('…` (20,005 characters)');
      expect(unknown?.message.length).toBeLessThan(300);
      // The diagnostic itself keeps the whole name.
      expect(handle.lastBuild().diagnostics.some((d) => d.message.includes(name))).toBe(true);
    } finally {
      events.close();
      await handle.close();
    }
  });
});

describe('vita watch: a deleted and recreated input', () => {
  let example: ReturnType<typeof copyExample>;
  let handle: WatchHandle;

  beforeAll(async () => {
    example = copyExample();
    handle = await watchExample(example, 'md');
  });
  afterAll(async () => {
    await handle?.close();
  });

  /** Runs `change` and waits for the build it triggers. */
  const afterChange = async (change: () => void) => {
    const next = handle.nextBuild();
    change();
    return next;
  };
  const page = () => readFileSync(path.join(example.out, 'cv.md'), 'utf8');

  it('cv.yaml deleted, recreated, then edited: a build each time (the watch does not go deaf)', async () => {
    const original = readFileSync(example.yaml, 'utf8');
    const deleted = await afterChange(() => unlinkSync(example.yaml));
    expect(deleted.ok).toBe(false);
    expect(deleted.trigger).toEqual([example.yaml]);

    const back = await afterChange(() =>
      writeFileSync(
        example.yaml,
        original.replace('I am a research scientist', 'I am a RECREATED research scientist'),
      ),
    );
    expect(back.ok).toBe(true);
    expect(page()).toContain('RECREATED');

    // The edit after the recreation is seen too, and again after a second delete and recreate.
    const edited = await afterChange(() =>
      writeFileSync(
        example.yaml,
        original.replace('I am a research scientist', 'I am an EDITED research scientist'),
      ),
    );
    expect(edited.ok).toBe(true);
    expect(page()).toContain('EDITED');
    await afterChange(() => unlinkSync(example.yaml));
    await afterChange(() => writeFileSync(example.yaml, original));
    const again = await afterChange(() =>
      writeFileSync(
        example.yaml,
        original.replace('I am a research scientist', 'I am an AGAIN research scientist'),
      ),
    );
    expect(again.ok).toBe(true);
    expect(page()).toContain('AGAIN');
    expect(handle.inputs()).toContain(example.yaml);
  });

  it('a .bib deleted, recreated, then edited: a build each time', async () => {
    const bib = path.join(example.dir, 'publications/all.bib');
    const text = readFileSync(bib, 'utf8');
    const title = /title\s*=\s*\{([^{}]+)\}/.exec(text)?.[1] as string;
    const deleted = await afterChange(() => unlinkSync(bib));
    expect(deleted.trigger).toEqual([bib]);
    const back = await afterChange(() => writeFileSync(bib, text.replace(title, `${title} RECREATED`)));
    expect(back.ok).toBe(true);
    expect(back.trigger).toEqual([bib]);
    expect(page()).toContain(`${title} RECREATED`);
    const edited = await afterChange(() => writeFileSync(bib, text.replace(title, `${title} EDITED`)));
    expect(edited.ok).toBe(true);
    expect(page()).toContain(`${title} EDITED`);
  });

  it('a change to a file that is no input triggers nothing', async () => {
    let builds = 0;
    const next = handle.nextBuild().then(() => builds++);
    writeFileSync(path.join(example.dir, 'notes.txt'), 'not an input');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(builds).toBe(0);
    // Leave no waiter behind: one more build settles it.
    await handle.rebuild();
    await next;
  });
});

describe('vita watch (command line)', () => {
  it('prints where it serves, rebuilds, and exits 0 on Ctrl-C with the server closed', async () => {
    const example = copyExample();
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    stdout.on('data', (c) => {
      out += String(c);
    });
    const signals = new EventEmitter();
    const io = { stdout, stderr, env: { NO_COLOR: '1' }, cwd: example.dir };
    const running = runWatch(
      io,
      ['cv.yaml'],
      {
        out: 'build',
        only: 'md',
        offline: true,
        pdfEngine: 'typst',
        htmlName: 'index.html',
        port: '0',
        open: false,
      },
      signals,
    );
    for (let i = 0; i < 200 && !/Ctrl-C/.test(out); i++) await new Promise((r) => setTimeout(r, 25));
    const port = Number(/http:\/\/127\.0\.0\.1:(\d+)\//.exec(out)?.[1]);
    expect(port).toBeGreaterThan(0);
    expect(out).toMatch(/built in \d+ ms: wrote cv\.md/);
    expect((await fetchRaw(port, '/cv.md')).status).toBe(200);
    signals.emit('SIGINT');
    expect(await running).toBe(0);
    expect(out).toContain('stopped\n');
    await expect(fetchRaw(port, '/cv.md')).rejects.toThrow(/ECONNREFUSED/);
    expect(signals.listenerCount('SIGINT')).toBe(0);
  });

  it('a malformed --port is a usage error', async () => {
    const r = await runCli(['watch', '--port', 'http', '--no-open']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--port: `http` is not a port number');
  });

  it('a port in use is a usage error', async () => {
    const example = copyExample();
    const first = await startWatch({ files: [example.yaml], outDir: example.out, targets: ['md'], port: 0 });
    try {
      const io = { stdout: new PassThrough(), stderr: new PassThrough(), env: {}, cwd: example.dir };
      await expect(
        runWatch(
          io,
          ['cv.yaml'],
          { out: 'out2', only: 'md', pdfEngine: 'typst', port: String(first.port), open: false },
          new EventEmitter(),
        ),
      ).rejects.toThrow(`port ${first.port} is in use`);
    } finally {
      await first.close();
    }
  });
});
