/**
 * Polite HTTP for the enrichment stage: bounded concurrency, a timeout per request, retries with
 * exponential backoff and jitter, `Retry-After` and GitHub's `X-RateLimit-*` headers honoured up to a cap.
 * Never throws for network problems: every request ends in an `HttpOutcome`.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface HttpClientOptions {
  /** Name used in failure reasons ("GitHub", "OpenAlex"). */
  readonly service: string;
  readonly fetch: typeof fetch;
  readonly now: () => number;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly retryDelayMs: number;
  readonly maxWaitMs: number;
  readonly concurrency: number;
  readonly headers: Readonly<Record<string, string>>;
  /** After this many requests in a row fail, the rest are not sent (the service is taken as down). Default 3. */
  readonly failureThreshold?: number;
  /** Jitter source, in [0, 1). Default `Math.random`. */
  readonly random?: () => number;
}

export interface HttpRequest {
  readonly url: string;
  readonly method?: 'GET' | 'POST';
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export type HttpOutcome =
  /** Any response that is not a retryable failure: 2xx, 3xx left unfollowed, 4xx. */
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly statusText: string;
      readonly headers: Headers;
      readonly body: string;
      /** The final URL, after redirects. */
      readonly url: string;
    }
  /** Rate limit reached and the reset is further away than the wait cap (or retries ran out). */
  | { readonly kind: 'rate-limited'; readonly resetAt: number | undefined }
  /** Timeouts, network errors or 5xx after all retries; or not sent because the service is down. */
  | { readonly kind: 'failed'; readonly reason: string };

type AttemptResult =
  | { readonly kind: 'response'; readonly response: Extract<HttpOutcome, { kind: 'response' }> }
  | { readonly kind: 'error'; readonly reason: string };

/** Runs at most `concurrency` tasks at once; a finished task hands its slot straight to the next waiter. */
export function createLimiter(concurrency: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active < concurrency) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

/** `Retry-After`: delay-seconds or an HTTP date; returns milliseconds from `now`, or undefined. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') {
      return `no answer within ${formatDuration(timeoutMs)} (timeout)`;
    }
    const cause = (error as Error & { cause?: unknown }).cause;
    if (cause instanceof Error) {
      const code = (cause as Error & { code?: unknown }).code;
      return typeof code === 'string' ? `network error (${code})` : `network error (${cause.message})`;
    }
    return `network error (${error.message})`;
  }
  return `network error (${String(error)})`;
}

export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms)} ms`;
}

export class HttpClient {
  private readonly options: HttpClientOptions;
  private readonly limit: <T>(task: () => Promise<T>) => Promise<T>;
  private consecutiveFailures = 0;
  private downReason: string | undefined;
  private rateLimit: { resetAt: number | undefined } | undefined;
  /** Requests actually sent (attempts included); for progress and tests. */
  sent = 0;

  constructor(options: HttpClientOptions) {
    this.options = options;
    this.limit = createLimiter(options.concurrency);
  }

  /** Set once a rate limit could not be waited out: later requests are not sent. */
  get rateLimitedUntil(): { resetAt: number | undefined } | undefined {
    return this.rateLimit;
  }

  /** For limits reported inside a body (GraphQL `RATE_LIMITED`): stop sending further requests. */
  markRateLimited(resetAt: number | undefined): void {
    this.rateLimit ??= { resetAt };
  }

  /**
   * Sends the request, retrying as needed. The concurrency slot is held through retries and waits, so a
   * struggling service sees no more than `concurrency` clients at once, and requests queued behind one that
   * hit a rate limit (or found the service down) are not sent at all.
   */
  request(request: HttpRequest): Promise<HttpOutcome> {
    return this.limit(() => this.send(request));
  }

  private async send(request: HttpRequest): Promise<HttpOutcome> {
    const { retries, maxWaitMs, now } = this.options;
    let reason = 'no attempt made';
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (this.rateLimit) return { kind: 'rate-limited', resetAt: this.rateLimit.resetAt };
      if (this.downReason) return { kind: 'failed', reason: `not attempted: ${this.downReason}` };
      const result = await this.attempt(request);
      const canRetry = attempt < retries;
      if (result.kind === 'error') {
        reason = result.reason;
        if (canRetry) await sleep(this.backoff(attempt));
        continue;
      }
      const { response } = result;
      const { status, headers } = response;
      const retryAfter = parseRetryAfter(headers.get('retry-after'), now());
      const remaining = headers.get('x-ratelimit-remaining');
      const resetHeader = Number(headers.get('x-ratelimit-reset'));
      const isRateLimited =
        status === 429 || (status === 403 && (remaining === '0' || retryAfter !== undefined));
      if (isRateLimited) {
        const resetAt =
          remaining === '0' && Number.isFinite(resetHeader) && resetHeader > 0
            ? resetHeader * 1000
            : retryAfter !== undefined
              ? now() + retryAfter
              : undefined;
        const wait = resetAt !== undefined ? Math.max(0, resetAt - now()) : this.backoff(attempt);
        if (canRetry && wait <= maxWaitMs) {
          await sleep(wait);
          continue;
        }
        this.rateLimit ??= { resetAt };
        return { kind: 'rate-limited', resetAt: this.rateLimit.resetAt };
      }
      if (status >= 500 || status === 408) {
        reason = `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`;
        const wait = retryAfter ?? this.backoff(attempt);
        if (wait > maxWaitMs) {
          reason += ` (the server asked to retry after ${formatDuration(wait)}, longer than the ${formatDuration(maxWaitMs)} cap)`;
          break;
        }
        if (canRetry) await sleep(wait);
        continue;
      }
      this.consecutiveFailures = 0;
      return response;
    }
    this.consecutiveFailures++;
    if (this.consecutiveFailures >= (this.options.failureThreshold ?? 3)) {
      this.downReason ??= `${this.options.service} failed ${this.consecutiveFailures} times in a row (last: ${reason})`;
    }
    return { kind: 'failed', reason };
  }

  private backoff(attempt: number): number {
    const { retryDelayMs, maxWaitMs } = this.options;
    const random = this.options.random ?? Math.random;
    const ceiling = Math.min(maxWaitMs, retryDelayMs * 2 ** attempt);
    return Math.round(ceiling * (0.5 + random() * 0.5));
  }

  private async attempt(request: HttpRequest): Promise<AttemptResult> {
    this.sent++;
    try {
      const init: RequestInit = {
        method: request.method ?? 'GET',
        headers: { ...this.options.headers, ...request.headers },
        signal: AbortSignal.timeout(this.options.timeoutMs),
        redirect: 'follow',
      };
      if (request.body !== undefined) init.body = request.body;
      const res = await this.options.fetch(request.url, init);
      const body = await res.text();
      return {
        kind: 'response',
        response: {
          kind: 'response',
          status: res.status,
          statusText: res.statusText,
          headers: res.headers,
          body,
          url: res.url || request.url,
        },
      };
    } catch (error) {
      return { kind: 'error', reason: describeError(error, this.options.timeoutMs) };
    }
  }
}

/** Parses a response body as JSON; undefined when it is not JSON. */
export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
