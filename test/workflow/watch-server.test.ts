/**
 * The preview server and the live-reload client on their own: only requests for this server's own host
 * are answered (no DNS rebinding), names and titles are escaped, and the client reloads only what a build
 * changed (the page for web targets, the PDF frame for `cv.pdf`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLIENT_SCRIPT,
  EVENTS_PATH,
  injectLiveReload,
  PDF_PAGE_PATH,
  pdfPage,
} from '../../src/watch/live-reload.js';
import { allowedHost, createPreviewServer, type PreviewServer } from '../../src/watch/static-server.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();

/** A GET to 127.0.0.1 with this `Host` header (`null`: none at all); of an event stream, its first chunk. */
function get(port: number, urlPath: string, host: string | null): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: urlPath,
        method: 'GET',
        agent: false,
        setHost: host !== null,
        headers: host === null ? {} : { host },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        // The event stream never ends: its first chunk is enough.
        if (String(res.headers['content-type']).startsWith('text/event-stream')) {
          res.once('data', (c: string) => {
            resolve({ status: res.statusCode ?? 0, body: c });
            res.destroy();
          });
          return;
        }
        res.on('data', (c: string) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function serve(root: string): Promise<{ preview: PreviewServer; port: number }> {
  const preview = createPreviewServer({
    root,
    indexFile: 'index.html',
    title: () => 'A "B" <C> & D',
    greeting: () => 'event: diagnostics\ndata: {}\n\n',
  });
  await new Promise<void>((resolve) => preview.server.listen(0, '127.0.0.1', resolve));
  return { preview, port: (preview.server.address() as AddressInfo).port };
}

describe('preview server', () => {
  let preview: PreviewServer;
  let port: number;
  let root: string;

  beforeAll(async () => {
    root = path.join(tempDir(), 'build');
    mkdirSync(root);
    writeFileSync(path.join(root, '<b>&x.txt'), 'x');
    ({ preview, port } = await serve(root));
  });
  afterAll(async () => {
    await preview?.close();
  });

  it('answers its own host: 127.0.0.1, localhost and [::1] with its port', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      expect((await get(port, '/', host)).status, host).toBe(200);
      expect((await get(port, PDF_PAGE_PATH, host)).status, host).toBe(200);
      const events = await get(port, EVENTS_PATH, host);
      expect(events.status, host).toBe(200);
      expect(events.body, host).toContain('retry:');
    }
  });

  it('refuses any other Host (DNS rebinding) for files, events and the PDF page', async () => {
    writeFileSync(path.join(root, 'cv.md'), 'private');
    for (const host of [
      `evil.example:${port}`,
      'evil.example',
      `127.0.0.1:${port + 1}`,
      `localhost:${port}.evil.example`,
      `127.0.0.1`,
      `0.0.0.0:${port}`,
      null,
    ]) {
      for (const urlPath of ['/', '/cv.md', EVENTS_PATH, PDF_PAGE_PATH]) {
        const r = await get(port, urlPath, host);
        // Without any Host, Node itself answers 400 to an HTTP/1.1 request.
        expect(r.status, `${host} ${urlPath}`).toBe(host === null ? 400 : 403);
        expect(r.body, `${host} ${urlPath}`).not.toContain('private');
        expect(r.body, `${host} ${urlPath}`).not.toContain('retry:');
      }
    }
    expect(preview.clientCount()).toBe(0);
  });

  it('allowedHost: the address listened on also counts, a wildcard does not', () => {
    const v4 = { address: '192.168.1.5', family: 'IPv4', port: 4321 };
    expect(allowedHost('192.168.1.5:4321', v4)).toBe(true);
    expect(allowedHost('localhost:4321', v4)).toBe(true);
    expect(allowedHost('192.168.1.5:80', v4)).toBe(false);
    expect(allowedHost('[::1]:4321', { address: '::1', family: 'IPv6', port: 4321 })).toBe(true);
    expect(allowedHost('0.0.0.0:4321', { address: '0.0.0.0', family: 'IPv4', port: 4321 })).toBe(false);
    expect(allowedHost('localhost', { address: '127.0.0.1', family: 'IPv4', port: 80 })).toBe(true);
    expect(allowedHost(undefined, v4)).toBe(false);
  });

  it('escapes file names in the listing and the title of the PDF page', async () => {
    const listing = (await get(port, '/', `127.0.0.1:${port}`)).body;
    expect(listing).toContain('>&lt;b&gt;&amp;x.txt</a>');
    expect(listing).not.toContain('<b>');
    const page = (await get(port, PDF_PAGE_PATH, `127.0.0.1:${port}`)).body;
    expect(page).toContain('<title>A "B" &lt;C&gt; &amp; D (PDF preview)</title>');
    expect(page).toContain('aria-label="A &quot;B&quot; &lt;C&gt; &amp; D"');
    expect(pdfPage('A "B"', false)).toContain('title="A &quot;B&quot;"');
    expect(pdfPage('<x>', true)).not.toContain('<x>');
    expect(pdfPage('<x>', false)).not.toContain('<x>');
  });

  it('keeps a CSP attribute well-formed in either quote', () => {
    for (const quote of ['"', "'"]) {
      const html = `<meta http-equiv="Content-Security-Policy" content=${quote}default-src &#39;self&#39;${quote}><body></body>`;
      const meta = /<meta[^>]*>/.exec(injectLiveReload(html))?.[0] ?? '';
      expect(meta).toMatch(
        new RegExp(`content=${quote}default-src &#39;self&#39;; script-src [^"']+${quote}`),
      );
    }
  });
});

/**
 * The client script in a stand-in page: `withFrame` is the PDF page; `served` the attributes the server gave
 * its script (the text's hash and the file it was read from).
 */
function runClient(withFrame: boolean | 'pdfjs', served?: { page: string; file: string }) {
  const listeners = new Map<string, (e: { data: string }) => void>();
  // The browser's viewer in a frame, or the PDF.js preview's element, which receives `vita:pdf` events.
  const announced: { build: number; attribute: string | undefined }[] = [];
  const attributes = new Map<string, string>();
  const frame =
    withFrame === 'pdfjs'
      ? {
          tagName: 'MAIN',
          src: undefined,
          setAttribute: (name: string, value: string) => attributes.set(name, value),
          dispatchEvent: (e: { type: string; detail: { build: number } }) => {
            if (e.type === 'vita:pdf')
              announced.push({ build: e.detail.build, attribute: attributes.get('data-build') });
          },
        }
      : withFrame
        ? { tagName: 'IFRAME', src: '/cv.pdf' }
        : null;
  const page = { reloads: 0 };
  const stored = new Map<string, string>();
  vm.runInNewContext(CLIENT_SCRIPT, {
    sessionStorage: {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => stored.set(key, value),
    },
    document: {
      currentScript: served
        ? {
            getAttribute: (name: string) =>
              name === 'data-page' ? served.page : name === 'data-file' ? served.file : null,
          }
        : null,
      getElementById: (id: string) => (id === 'vita-pdf' ? frame : null),
      createElement: () => ({
        style: {},
        append() {},
        addEventListener() {},
        setAttribute() {},
        remove() {},
      }),
      body: { append() {} },
    },
    EventSource: class {
      addEventListener(name: string, listener: (e: { data: string }) => void) {
        listeners.set(name, listener);
      }
    },
    location: {
      reload: () => {
        page.reloads++;
      },
    },
    CustomEvent: class {
      constructor(
        readonly type: string,
        readonly init: { detail: unknown },
      ) {}
      get detail() {
        return this.init.detail;
      }
    },
  });
  const reload = (data: unknown) => listeners.get('reload')?.({ data: JSON.stringify(data) });
  const greet = (data: unknown) => listeners.get('diagnostics')?.({ data: JSON.stringify(data) });
  return { reload, greet, frame, page, announced };
}

describe('live-reload client', () => {
  it('reloads the page for web targets, not for cv.pdf alone', () => {
    const { reload, page } = runClient(false);
    reload({ build: 2, written: ['index.html', 'cv.md'] });
    expect(page.reloads).toBe(1);
    reload({ build: 2, written: ['cv.pdf'] });
    expect(page.reloads).toBe(1);
    reload({ build: 3, written: ['cv.pdf', 'index.html'] });
    expect(page.reloads).toBe(2);
    // An event without its files: anything may have changed.
    reload({ build: 4 });
    expect(page.reloads).toBe(3);
  });

  it('reloads a page a build rewrote before the tab listened, once for each newer text', () => {
    const { greet, page } = runClient(false, { page: 'old', file: 'index.html' });
    const state = { build: 2, ok: true, lastGood: 2, diagnostics: [] };
    greet({ ...state, pages: { 'index.html': 'old' } });
    expect(page.reloads).toBe(0);
    greet({ ...state, pages: { 'cv/index.html': 'new' } });
    expect(page.reloads).toBe(0);
    greet({ ...state, pages: { 'index.html': 'new' } });
    expect(page.reloads).toBe(1);
    // The page on disk is not what vita wrote (another program): one reload, not a loop.
    greet({ ...state, pages: { 'index.html': 'new' } });
    expect(page.reloads).toBe(1);
    greet({ ...state, pages: { 'index.html': 'newer' } });
    expect(page.reloads).toBe(2);
  });

  it('reloads the PDF frame only when cv.pdf changed', () => {
    const { reload, frame, page } = runClient(true);
    reload({ build: 2, written: ['index.html', 'cv.md'] });
    expect(frame?.src).toBe('/cv.pdf');
    reload({ build: 2, written: ['cv.pdf'] });
    expect(frame?.src).toBe('/cv.pdf?build=2');
    reload({ build: 3, written: ['cv.md', 'cv.pdf'] });
    expect(frame?.src).toBe('/cv.pdf?build=3');
    expect(page.reloads).toBe(0);
  });

  it('announces each new cv.pdf to the PDF.js preview, which draws it in place', () => {
    const { reload, frame, page, announced } = runClient('pdfjs');
    reload({ build: 2, written: ['index.html', 'cv.md'] });
    expect(announced).toEqual([]);
    reload({ build: 2, written: ['cv.pdf'] });
    reload({ build: 3, written: ['cv.md', 'cv.pdf'] });
    // `data-build` is set first: a preview script that starts after the event reads the build from it.
    expect(announced).toEqual([
      { build: 2, attribute: '2' },
      { build: 3, attribute: '3' },
    ]);
    expect(frame?.src).toBeUndefined();
    expect(page.reloads).toBe(0);
  });
});
