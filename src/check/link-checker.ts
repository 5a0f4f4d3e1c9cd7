/**
 * Checks that links answer: HEAD first, GET when the server refuses HEAD (403, 405, 501); redirects followed
 * (a redirect that ends well is fine, and its final URL is reported). Polite: a bound on requests in flight,
 * at most `perHost` at once to one host with a pause between them, and a timeout on each request.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { createLimiter, formatDuration } from '../enrich/http.js';

export interface LinkCheckOptions {
  /** Requests in flight at once. Default 8. */
  readonly concurrency?: number | undefined;
  /** Requests in flight at once to one host. Default 2. */
  readonly perHost?: number | undefined;
  /** Pause between the starts of two requests to one host. Default 100 ms. */
  readonly hostDelayMs?: number | undefined;
  /** Time allowed for each request (until the response headers). Default 10 s. */
  readonly timeoutMs?: number | undefined;
  readonly userAgent?: string | undefined;
  readonly fetch?: typeof fetch | undefined;
  /** Called with 0 before the first link and after each link (for a progress display). */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

export type LinkStatus =
  /** The link works; `finalUrl` differs from the link when it redirects. */
  | { readonly kind: 'ok'; readonly status: number; readonly finalUrl: string }
  /** 404, 410, 5xx, a timeout, a network error. */
  | { readonly kind: 'broken'; readonly reason: string; readonly finalUrl?: string | undefined }
  /** The server refused to answer a robot (401, 403, 429): the link may well work in a browser. */
  | { readonly kind: 'unverified'; readonly reason: string; readonly finalUrl?: string | undefined };

const HEAD_REFUSED = new Set([403, 405, 501]);
const REFUSES_ROBOTS = new Set([401, 403, 429]);

export const DEFAULT_LINK_TIMEOUT_MS = 10_000;

/** `network error (ENOTFOUND)`, `no answer within 10 s`: why a request failed, in a few words. */
function failure(cause: unknown, timeoutMs: number): string {
  const error = cause as Error & { cause?: Error & { code?: unknown } };
  if (error?.name === 'TimeoutError' || error?.name === 'AbortError')
    return `no answer within ${formatDuration(timeoutMs)}`;
  const code = error?.cause?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `the host does not resolve (${code})`;
  if (typeof code === 'string') return `network error (${code})`;
  return `network error (${error?.cause?.message ?? error?.message ?? String(cause)})`;
}

export class LinkChecker {
  private readonly limit: <T>(task: () => Promise<T>) => Promise<T>;
  private readonly hosts = new Map<
    string,
    { limit: <T>(task: () => Promise<T>) => Promise<T>; nextStart: number }
  >();
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;

  constructor(private readonly options: LinkCheckOptions = {}) {
    this.limit = createLimiter(options.concurrency ?? 8);
    this.fetch = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_LINK_TIMEOUT_MS;
  }

  /** Checks every distinct URL once. */
  async checkAll(urls: Iterable<string>): Promise<Map<string, LinkStatus>> {
    const unique = [...new Set(urls)];
    let done = 0;
    this.options.onProgress?.(done, unique.length);
    const results = await Promise.all(
      unique.map(async (url) => {
        const status = await this.check(url);
        this.options.onProgress?.(++done, unique.length);
        return [url, status] as const;
      }),
    );
    return new Map(results);
  }

  async check(url: string): Promise<LinkStatus> {
    let host: string;
    try {
      host = new URL(url).host;
    } catch {
      return { kind: 'broken', reason: 'not a valid URL' };
    }
    let slot = this.hosts.get(host);
    if (!slot) {
      slot = { limit: createLimiter(this.options.perHost ?? 2), nextStart: 0 };
      this.hosts.set(host, slot);
    }
    const hostSlot = slot;
    // The host's slot first, then a global one: waiting for a busy host never holds a global slot.
    return hostSlot.limit(() =>
      this.limit(async () => {
        const wait = hostSlot.nextStart - Date.now();
        hostSlot.nextStart = Math.max(Date.now(), hostSlot.nextStart) + (this.options.hostDelayMs ?? 100);
        if (wait > 0) await sleep(wait);
        return this.probe(url);
      }),
    );
  }

  private async probe(url: string): Promise<LinkStatus> {
    let response = await this.request(url, 'HEAD');
    if (typeof response !== 'string' && HEAD_REFUSED.has(response.status))
      response = await this.request(url, 'GET');
    if (typeof response === 'string') return { kind: 'broken', reason: response };
    const finalUrl = response.url || url;
    const redirected = finalUrl !== url ? { finalUrl } : {};
    if (response.status >= 200 && response.status < 300)
      return { kind: 'ok', status: response.status, finalUrl };
    const reason = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    if (REFUSES_ROBOTS.has(response.status)) return { kind: 'unverified', reason, ...redirected };
    return { kind: 'broken', reason, ...redirected };
  }

  /** One request; a failure is returned as its reason. The body is never read. */
  private async request(url: string, method: 'HEAD' | 'GET'): Promise<Response | string> {
    try {
      const response = await this.fetch(url, {
        method,
        redirect: 'follow',
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: {
          'user-agent': this.options.userAgent ?? 'Mozilla/5.0 (compatible; vita-cv link check)',
          accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
        },
      });
      await response.body?.cancel().catch(() => undefined);
      return response;
    } catch (cause) {
      return failure(cause, this.timeoutMs);
    }
  }
}
