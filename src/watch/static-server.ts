/**
 * The preview server of watch mode, on 127.0.0.1: the output folder (only it: a path that would leave it,
 * through `..`, encodings or a symlink, is answered 404 like a missing file), the live-reload events, and a
 * PDF preview page with the two files of PDF.js it loads (`/__vita/pdfjs/`). HTML responses get the
 * live-reload client; the files on disk are never changed.
 */

import { readdirSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { escapeHtmlText } from '../inline/html-escape.js';
import { encodeUriComponent } from '../util/uri.js';
import { contentTypeOf } from './content-types.js';
import { EVENTS_PATH, injectLiveReload, PDF_PAGE_PATH, pdfPage } from './live-reload.js';
import { hasPdfViewer, PDFJS_PATH, pdfViewerAsset } from './pdf-viewer-assets.js';

export interface PreviewServerOptions {
  /** Absolute path of the output folder. */
  readonly root: string;
  /** The file served for `/` (the build's HTML page). */
  readonly indexFile: string;
  /** The page title of `/__vita/pdf`. */
  readonly title: () => string;
  /** What a client gets on connecting: the last build's state, as SSE events. */
  readonly greeting: () => string;
}

export interface PreviewServer {
  readonly server: Server;
  /** Sends one event to every connected client. */
  broadcast(event: string, data: unknown): void;
  /** Live-reload clients connected now (open preview tabs). */
  clientCount(): number;
  close(): Promise<void>;
}

const HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

export function sseEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * The file a request path names inside `root`, or `forbidden` for a path that tries to leave it (`..`,
 * also percent-encoded, an encoded `/` or `\`, a NUL) and `bad` for a malformed one.
 */
export function requestedFile(root: string, urlPath: string): string | 'forbidden' | 'bad' {
  const segments: string[] = [];
  for (const raw of urlPath.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return 'bad';
    }
    if (segment === '..' || /[/\\\0]/.test(segment)) return 'forbidden';
    if (segment !== '' && segment !== '.') segments.push(segment);
  }
  const file = path.join(root, ...segments);
  return file === root || file.startsWith(root + path.sep) ? file : 'forbidden';
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, head: boolean): void {
  res.writeHead(status, { ...HEADERS, 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(head ? undefined : body);
}

/**
 * Whether a request's `Host` header names this server: a loopback name (`127.0.0.1`, `localhost`, `[::1]`)
 * or the address it listens on, with its port. Anything else is refused, so that a web page whose domain
 * was rebound to 127.0.0.1 (DNS rebinding) cannot read the preview or its events.
 */
export function allowedHost(host: string | undefined, address: AddressInfo | string | null): boolean {
  if (host === undefined || address === null || typeof address === 'string') return false;
  const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
  // The address given with `--host` too, unless it is a wildcard (0.0.0.0, ::): that is no one name.
  if (address.address !== '0.0.0.0' && address.address !== '::')
    names.add(address.family === 'IPv6' ? `[${address.address}]` : address.address);
  const wanted = host.trim().toLowerCase();
  for (const name of names) {
    if (wanted === `${name.toLowerCase()}:${address.port}`) return true;
    if (address.port === 80 && wanted === name.toLowerCase()) return true;
  }
  return false;
}

/** `/` when the build wrote no HTML page: a list of what it wrote. */
function listing(root: string): string {
  let names: string[] = [];
  try {
    names = readdirSync(root)
      .filter((n) => !n.startsWith('.'))
      .sort();
  } catch {
    names = [];
  }
  const items = names
    .map((n) => `<li><a href="/${encodeUriComponent(n)}">${escapeHtmlText(n)}</a></li>`)
    .join('\n');
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>vita preview</title></head>\n<body>\n<h1>Output folder</h1>\n<ul>\n${items}\n</ul>\n<p><a href="${PDF_PAGE_PATH}">PDF preview</a></p>\n</body></html>\n`;
}

export function createPreviewServer(options: PreviewServerOptions): PreviewServer {
  const clients = new Set<ServerResponse>();
  const root = path.resolve(options.root);

  const serveFile = async (req: IncomingMessage, res: ServerResponse, urlPath: string, head: boolean) => {
    const found = requestedFile(root, urlPath);
    if (found === 'bad') return send(res, 400, 'text/plain; charset=utf-8', 'bad request\n', head);
    // A path that leaves the output folder is answered as a missing file: a probe cannot tell whether
    // anything is there.
    const notFound = () => send(res, 404, 'text/plain; charset=utf-8', `not found: ${req.url ?? ''}\n`, head);
    if (found === 'forbidden') return notFound();
    let file = found;
    try {
      if ((await stat(file)).isDirectory())
        file = path.join(file, file === root ? options.indexFile : 'index.html');
      // A link inside the output folder must not lead out of it either.
      const [real, realRoot] = await Promise.all([realpath(file), realpath(root)]);
      if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return notFound();
      const body = await readFile(real);
      const type = contentTypeOf(real);
      if (type.startsWith('text/html'))
        return send(
          res,
          200,
          type,
          injectLiveReload(body.toString('utf8'), path.relative(realRoot, real).split(path.sep).join('/')),
          head,
        );
      return send(res, 200, type, body, head);
    } catch {
      if (found === root)
        return send(res, 200, 'text/html; charset=utf-8', injectLiveReload(listing(root)), head);
      return notFound();
    }
  };

  const server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    if (!allowedHost(req.headers.host, server.address())) {
      return send(res, 403, 'text/plain; charset=utf-8', 'forbidden: unknown host\n', method === 'HEAD');
    }
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { ...HEADERS, allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const head = method === 'HEAD';
    const urlPath = (req.url ?? '/').split(/[?#]/)[0] ?? '/';
    if (urlPath === EVENTS_PATH) {
      res.writeHead(200, {
        ...HEADERS,
        'content-type': 'text/event-stream; charset=utf-8',
        connection: 'keep-alive',
      });
      // Each event is sent at once (no Nagle delay behind the previous, unacknowledged one).
      req.socket.setNoDelay(true);
      res.write(`retry: 1000\n\n${options.greeting()}`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (urlPath === PDF_PAGE_PATH)
      return send(res, 200, 'text/html; charset=utf-8', pdfPage(options.title(), hasPdfViewer()), head);
    if (urlPath.startsWith(PDFJS_PATH)) {
      const asset = pdfViewerAsset(urlPath.slice(PDFJS_PATH.length));
      if (asset === undefined)
        return send(res, 404, 'text/plain; charset=utf-8', `not found: ${req.url ?? ''}\n`, head);
      void readFile(asset).then(
        (body) => send(res, 200, 'text/javascript; charset=utf-8', body, head),
        () => send(res, 404, 'text/plain; charset=utf-8', `not found: ${req.url ?? ''}\n`, head),
      );
      return;
    }
    void serveFile(req, res, urlPath, head);
  });
  // Proxies and browsers drop a silent stream: a comment every 15 s keeps it open.
  const keepAlive = setInterval(() => {
    for (const client of clients) client.write(': keep-alive\n\n');
  }, 15_000);
  keepAlive.unref();

  return {
    server,
    broadcast(event, data) {
      const message = sseEvent(event, data);
      for (const client of clients) client.write(message);
    },
    clientCount: () => clients.size,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(keepAlive);
        for (const client of clients) client.end();
        clients.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
