import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLimiter, HttpClient, type HttpClientOptions, parseRetryAfter } from '../../src/enrich/http.js';
import { FakeServices, repo } from './fake-services.js';

let services: FakeServices;
beforeAll(async () => {
  services = await FakeServices.start();
});
afterAll(async () => {
  await services.close();
});
beforeEach(() => {
  services.reset();
  services.addRepos(repo('locuslab/qpth', 461));
});

function client(options: Partial<HttpClientOptions> = {}): HttpClient {
  return new HttpClient({
    service: 'GitHub',
    fetch: (input, init) => fetch(input, init),
    now: Date.now,
    timeoutMs: 5000, // generous: a loaded machine must not turn a slow answer into a failure
    retries: 2,
    retryDelayMs: 5,
    maxWaitMs: 300,
    concurrency: 4,
    headers: { 'User-Agent': 'vita-cv' },
    ...options,
  });
}

const qpth = () => `${services.githubApiUrl}/repos/locuslab/qpth`;

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-03-01T12:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('Sat, 01 Mar 2025 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sat, 01 Mar 2025 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('createLimiter', () => {
  it('never runs more than the bound, even when slots are handed over', async () => {
    const limit = createLimiter(3);
    let active = 0;
    let max = 0;
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        limit(async () => {
          active++;
          max = Math.max(max, active);
          await new Promise((resolve) => setTimeout(resolve, i % 3));
          active--;
        }),
      ),
    );
    expect(max).toBe(3);
  });
});

describe('HttpClient', () => {
  it('backs off exponentially between retries, with jitter within [half, full] delay', async () => {
    services.addFault('/repos/locuslab/qpth', { kind: 'status', status: 503 }, 2);
    const started = Date.now();
    const outcome = await client({ retryDelayMs: 40, random: () => 0 }).request({ url: qpth() });
    // Delays of 40 * 2^attempt, halved by the jitter: 20 ms, then 40 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
    expect(services.requests).toHaveLength(3);
  });

  it('honours a Retry-After date within the cap', async () => {
    const second = Math.floor(Date.now() / 1000) + 60;
    services.addFault(
      '/repos/locuslab/qpth',
      { kind: 'status', status: 503, headers: { 'Retry-After': new Date(second * 1000).toUTCString() } },
      1,
    );
    const started = Date.now();
    const outcome = await client({ now: () => second * 1000 - 80 }).request({ url: qpth() });
    expect(Date.now() - started).toBeGreaterThanOrEqual(70);
    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
  });

  it('gives up at once when Retry-After is beyond the cap, and says so', async () => {
    services.addFault('/repos/locuslab/qpth', {
      kind: 'status',
      status: 503,
      headers: { 'Retry-After': '30' },
    });
    const outcome = await client().request({ url: qpth() });
    expect(services.requests).toHaveLength(1);
    expect(outcome).toEqual({
      kind: 'failed',
      reason:
        'HTTP 503 Service Unavailable (the server asked to retry after 30 s, longer than the 300 ms cap)',
    });
  });

  it('does not retry a 404', async () => {
    const outcome = await client().request({ url: `${services.githubApiUrl}/repos/a/missing` });
    expect(outcome).toMatchObject({ kind: 'response', status: 404 });
    expect(services.requests).toHaveLength(1);
  });

  it('reports a refused connection as a network error after its retries', async () => {
    const closed = await FakeServices.start();
    const url = `${closed.githubApiUrl}/repos/locuslab/qpth`;
    await closed.close();
    const outcome = await client({ retries: 1 }).request({ url });
    expect(outcome).toEqual({ kind: 'failed', reason: 'network error (ECONNREFUSED)' });
  });
});
