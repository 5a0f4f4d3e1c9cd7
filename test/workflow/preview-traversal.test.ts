/**
 * The preview server serves the output folder and nothing else (issue 18): every way out of it (`..`, its
 * percent-encodings in any case, encoded `/` and `\`, double encoding, absolute paths, a NUL, symlinks that
 * leave the folder) gets the same 404 as a missing file, and never the content outside. The requests are
 * sent raw (Node's `http.request` keeps the path as written; `fetch` would normalise the `..` away).
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPreviewServer, type PreviewServer } from '../../src/watch/static-server.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();
const SECRET = 'the secret outside the output folder';

function get(port: number, rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: rawPath,
        method: 'GET',
        agent: false,
        headers: { host: `127.0.0.1:${port}` },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
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

describe('preview server: paths that leave the output folder', () => {
  let preview: PreviewServer;
  let port: number;
  let outside: string;
  let secretFile: string;

  beforeAll(async () => {
    outside = tempDir();
    secretFile = path.join(outside, 'secret.txt');
    writeFileSync(secretFile, SECRET);
    mkdirSync(path.join(outside, 'sub'));
    writeFileSync(path.join(outside, 'sub', 'index.html'), SECRET);
    const root = path.join(outside, 'build');
    mkdirSync(root);
    writeFileSync(path.join(root, 'index.html'), '<p>the page</p>');
    writeFileSync(path.join(root, 'cv.md'), 'the markdown');
    mkdirSync(path.join(root, 'images'));
    writeFileSync(path.join(root, 'images', 'a.txt'), 'an image');
    symlinkSync(outside, path.join(root, 'link-out'));
    symlinkSync(secretFile, path.join(root, 'secret-link.txt'));
    symlinkSync(path.join(outside, 'sub'), path.join(root, 'sub-link'));
    symlinkSync(path.join(root, 'cv.md'), path.join(root, 'inside-link.md'));
    preview = createPreviewServer({ root, indexFile: 'index.html', title: () => 'CV', greeting: () => '' });
    await new Promise<void>((resolve) => preview.server.listen(0, '127.0.0.1', resolve));
    port = (preview.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await preview?.close();
  });

  it('serves the files inside, and a symlink that stays inside', async () => {
    expect(await get(port, '/')).toMatchObject({ status: 200, body: expect.stringContaining('the page') });
    expect(await get(port, '/cv.md')).toMatchObject({ status: 200, body: 'the markdown' });
    expect(await get(port, '/images/a.txt')).toMatchObject({ status: 200, body: 'an image' });
    expect(await get(port, '/images/../cv.md')).toMatchObject({ status: 404 });
    expect(await get(port, '/./cv.md')).toMatchObject({ status: 200, body: 'the markdown' });
    expect(await get(port, '/inside-link.md')).toMatchObject({ status: 200, body: 'the markdown' });
  });

  it.each([
    ['..', '/../secret.txt'],
    ['.. after a folder', '/images/../../secret.txt'],
    ['.. at the end', '/..'],
    ['%2e%2e', '/%2e%2e/secret.txt'],
    ['%2E%2E', '/%2E%2E/secret.txt'],
    ['.%2e', '/.%2e/secret.txt'],
    ['%2e.', '/%2e./secret.txt'],
    ['encoded /', '/..%2fsecret.txt'],
    ['encoded / in upper case', '/%2E%2E%2Fsecret.txt'],
    ['encoded \\', '/..%5csecret.txt'],
    ['raw \\', '/..\\secret.txt'],
    ['double encoding', '/%252e%252e/secret.txt'],
    ['encoded NUL', '/secret.txt%00.html'],
    // `SECRET` stands for the absolute path of the file outside (made in beforeAll).
    ['absolute path', 'SECRET'],
    ['absolute path, doubled slash', '/SECRET'],
    ['absolute path, encoded', 'ENCODED_SECRET'],
    ['a symlink to a folder outside', '/link-out/secret.txt'],
    ['a symlink to a file outside', '/secret-link.txt'],
    ['a symlinked folder outside, its index', '/sub-link/'],
    ['a symlink, then ..', '/link-out/../secret.txt'],
  ])('%s: 404, nothing of the file outside', async (_name, written) => {
    const rawPath = written
      .replace('ENCODED_SECRET', `/${encodeURIComponent(secretFile)}`)
      .replace('SECRET', secretFile);
    const r = await get(port, rawPath);
    expect(r.status, rawPath).toBe(404);
    expect(r.body).not.toContain(SECRET);
  });

  it('a malformed escape is a bad request, and the server stays up', async () => {
    expect((await get(port, '/%zz')).status).toBe(400);
    expect((await get(port, '/%')).status).toBe(400);
    expect((await get(port, '/cv.md')).status).toBe(200);
  });
});
