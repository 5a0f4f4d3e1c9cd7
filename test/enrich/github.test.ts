import { readdir } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SourcePosition } from '../../src/diagnostics/diagnostic.js';
import { formatClock } from '../../src/enrich/github.js';
import { githubWebHosts, parseRepoUrl } from '../../src/enrich/github-api.js';
import { enrichRepos, type RepoRef } from '../../src/enrich/index.js';
import {
  cachedRepo,
  FakeServices,
  makeCacheDir,
  readCacheFile,
  removeCacheDirs,
  repo,
  testOptions,
  writeCacheFile,
} from './fake-services.js';

let services: FakeServices;
beforeAll(async () => {
  services = await FakeServices.start();
});
afterAll(async () => {
  await services.close();
  await removeCacheDirs();
});
beforeEach(() => services.reset());

const at = (line: number): SourcePosition => ({ file: 'cv.yaml', line, column: 5 });
const ref = (fullName: string, line?: number): RepoRef =>
  line === undefined
    ? { url: `https://github.com/${fullName}` }
    : { url: `https://github.com/${fullName}`, position: at(line) };

/** `count` repositories `owner/repo-N` with N stars, registered on the fake server. */
function manyRepos(count: number): RepoRef[] {
  const refs: RepoRef[] = [];
  for (let i = 0; i < count; i++) {
    services.addRepos(repo(`owner/repo-${i}`, i));
    refs.push(ref(`owner/repo-${i}`, 100 + i));
  }
  return refs;
}

describe('parseRepoUrl', () => {
  const hosts = githubWebHosts('https://api.github.com');
  it.each([
    'https://github.com/locuslab/qpth',
    'http://github.com/locuslab/qpth',
    'https://www.github.com/locuslab/qpth/',
    'github.com/locuslab/qpth',
    'https://github.com/locuslab/qpth.git',
    'https://github.com/LocusLab/QPTH/tree/master/qpth',
  ])('%s -> github.com/locuslab/qpth', (url) => {
    const parsed = parseRepoUrl(url, hosts);
    expect(parsed).not.toBeTypeOf('string');
    expect(parsed).toMatchObject({ key: 'github.com/locuslab/qpth' });
  });

  it('tells other hosts from GitHub URLs that name no repository', () => {
    expect(parseRepoUrl('https://gitlab.com/a/b', hosts)).toBe('not-github');
    expect(parseRepoUrl('https://github.com/bamos', hosts)).toBe('invalid');
    expect(parseRepoUrl('https://github.com/a b/c', hosts)).toBe('invalid');
    expect(parseRepoUrl('https://github.com/owner/..', hosts)).toBe('invalid');
  });

  it('accepts the web host of a GitHub Enterprise API', () => {
    const enterprise = githubWebHosts('https://ghe.example.com/api/v3');
    expect(parseRepoUrl('https://ghe.example.com/team/tool', enterprise)).toMatchObject({
      key: 'ghe.example.com/team/tool',
    });
    expect(parseRepoUrl('https://ghe.example.com/team/tool', hosts)).toBe('not-github');
  });
});

describe('enrichRepos over REST (no token)', () => {
  it('fetches stars, description and URL, with the polite headers, and caches them', async () => {
    services.addRepos(repo('locuslab/qpth', 461, 'A fast QP solver'), repo('bamos/block', 253, null));
    const dir = await makeCacheDir();
    const { info, diagnostics } = await enrichRepos(
      [ref('locuslab/qpth', 10), ref('bamos/block', 14)],
      testOptions(services, dir, { now: () => Date.parse('2025-03-01T12:00:00Z') }),
    );
    expect(diagnostics).toEqual([]);
    expect(info.get('https://github.com/locuslab/qpth')).toEqual({
      stars: 461,
      description: 'A fast QP solver',
      canonicalUrl: 'https://github.com/locuslab/qpth',
    });
    expect(info.get('https://github.com/bamos/block')).toEqual({
      stars: 253,
      canonicalUrl: 'https://github.com/bamos/block',
    });
    expect(services.requests.map((r) => r.path).sort()).toEqual([
      '/github/repos/bamos/block',
      '/github/repos/locuslab/qpth',
    ]);
    for (const request of services.requests) {
      expect(request.headers['user-agent']).toBe('vita-cv');
      expect(request.headers.accept).toBe('application/vnd.github+json');
      expect(request.headers.authorization).toBeUndefined();
    }
    const cache = await readCacheFile(dir);
    expect(cache.entries['github.com/locuslab/qpth']).toEqual({
      fetchedAt: '2025-03-01T12:00:00.000Z',
      value: cachedRepo('locuslab/qpth', 461, 'A fast QP solver'),
    });
    expect(Object.keys(cache.entries)).toHaveLength(2);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keys results by the URL as given, and fetches a repository named twice once', async () => {
    services.addRepos(repo('locuslab/qpth', 461));
    const dir = await makeCacheDir();
    const urls = ['https://github.com/locuslab/qpth', 'https://github.com/LocusLab/qpth.git/'];
    const { info } = await enrichRepos(
      urls.map((url) => ({ url })),
      testOptions(services, dir),
    );
    expect(services.requests).toHaveLength(1);
    expect([...info.keys()]).toEqual(urls);
  });

  it('sends 60 requests for 60 repositories, never more in flight than the concurrency bound', async () => {
    const refs = manyRepos(60);
    services.delayMs = 15;
    const { info, diagnostics } = await enrichRepos(refs, testOptions(services, await makeCacheDir()));
    expect(diagnostics).toEqual([]);
    expect(info.size).toBe(60);
    expect(info.get('https://github.com/owner/repo-42')?.stars).toBe(42);
    expect(services.requests).toHaveLength(60);
    expect(services.maxInFlight).toBeLessThanOrEqual(4);
    expect(services.maxInFlight).toBeGreaterThanOrEqual(2);
  });

  it('honours a smaller concurrency bound', async () => {
    const refs = manyRepos(12);
    services.delayMs = 10;
    await enrichRepos(refs, testOptions(services, await makeCacheDir(), { concurrency: 2 }));
    expect(services.requests).toHaveLength(12);
    expect(services.maxInFlight).toBe(2);
  });

  it('one missing repository (404) among many: a warning with its YAML position, no row for it', async () => {
    const refs = manyRepos(5);
    refs.splice(2, 0, ref('owner/deleted', 42));
    const dir = await makeCacheDir();
    const { info, diagnostics } = await enrichRepos(refs, testOptions(services, dir));
    expect(info.size).toBe(5);
    expect(info.has('https://github.com/owner/deleted')).toBe(false);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      severity: 'warning',
      code: 'enrich-repo-missing',
      position: at(42),
    });
    expect(diagnostics[0]?.message).toContain('owner/deleted');
    // The 404 is remembered: a second build asks nothing and warns the same way.
    expect((await readCacheFile(dir)).entries['github.com/owner/deleted']?.value).toEqual({
      status: 'missing',
    });
    services.requests.length = 0;
    const again = await enrichRepos(refs, testOptions(services, dir));
    expect(services.requests).toHaveLength(0);
    expect(again.diagnostics.map((d) => d.code)).toEqual(['enrich-repo-missing']);
  });

  it('follows a moved repository (301) and warns that it moved', async () => {
    services.addRepos(repo('facebookresearch/higher', 1600, 'higher-order gradients'));
    services.moved.set('bamos/higher', 'facebookresearch/higher');
    const dir = await makeCacheDir();
    const { info, diagnostics } = await enrichRepos([ref('bamos/higher', 7)], testOptions(services, dir));
    expect(info.get('https://github.com/bamos/higher')).toEqual({
      stars: 1600,
      description: 'higher-order gradients',
      canonicalUrl: 'https://github.com/facebookresearch/higher',
    });
    expect(services.requests.map((r) => r.path)).toEqual([
      '/github/repos/bamos/higher',
      '/github/repositories/1',
    ]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'enrich-repo-moved', position: at(7) });
    expect(diagnostics[0]?.message).toContain('bamos/higher');
    expect(diagnostics[0]?.message).toContain('facebookresearch/higher');
    expect(diagnostics[0]?.hints).toEqual(['Update repo_url to https://github.com/facebookresearch/higher.']);
  });

  it('skips URLs of other hosts silently and warns about GitHub URLs that name no repository', async () => {
    const { info, diagnostics } = await enrichRepos(
      [{ url: 'https://gitlab.com/a/b' }, { url: 'https://github.com/bamos', position: at(3) }],
      testOptions(services, await makeCacheDir()),
    );
    expect(info.size).toBe(0);
    expect(services.requests).toHaveLength(0);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'enrich-repo-url-invalid', position: at(3) });
  });
});

describe('enrichRepos over GraphQL (token)', () => {
  it('fetches 60 repositories with exactly one request', async () => {
    const refs = manyRepos(60);
    const dir = await makeCacheDir();
    const { info, diagnostics } = await enrichRepos(
      refs,
      testOptions(services, dir, { githubToken: 'ghp_test' }),
    );
    expect(diagnostics).toEqual([]);
    expect(services.requests).toHaveLength(1);
    const [request] = services.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/github/graphql');
    expect(request?.headers.authorization).toBe('Bearer ghp_test');
    expect(request?.headers['user-agent']).toBe('vita-cv');
    const { query } = JSON.parse(request?.body ?? '{}') as { query: string };
    expect(query).toContain(
      'r0: repository(owner: "owner", name: "repo-0") { nameWithOwner stargazerCount description url }',
    );
    expect(query).toContain('r59: repository(owner: "owner", name: "repo-59")');
    expect(info.size).toBe(60);
    expect(info.get('https://github.com/owner/repo-59')).toEqual({
      stars: 59,
      description: 'About owner/repo-59',
      canonicalUrl: 'https://github.com/owner/repo-59',
    });
    expect(Object.keys((await readCacheFile(dir)).entries)).toHaveLength(60);
  });

  it('splits more than 100 repositories into batches of 100', async () => {
    const refs = manyRepos(150);
    const { info } = await enrichRepos(
      refs,
      testOptions(services, await makeCacheDir(), { githubToken: 't' }),
    );
    expect(services.requests).toHaveLength(2);
    const sizes = services.requests
      .map((r) => (r.body.match(/: repository\(/g) ?? []).length)
      .sort((a, b) => a - b);
    expect(sizes).toEqual([50, 100]);
    expect(info.size).toBe(150);
  });

  it('reports a null repository with a NOT_FOUND error as missing, and a renamed one as moved', async () => {
    services.addRepos(repo('locuslab/qpth', 461), repo('facebookresearch/higher', 1600));
    services.moved.set('bamos/higher', 'facebookresearch/higher');
    const { info, diagnostics } = await enrichRepos(
      [ref('locuslab/qpth', 1), ref('owner/gone', 2), ref('bamos/higher', 3)],
      testOptions(services, await makeCacheDir(), { githubToken: 't' }),
    );
    expect(services.requests).toHaveLength(1);
    expect(info.get('https://github.com/locuslab/qpth')?.stars).toBe(461);
    expect(info.has('https://github.com/owner/gone')).toBe(false);
    expect(info.get('https://github.com/bamos/higher')?.canonicalUrl).toBe(
      'https://github.com/facebookresearch/higher',
    );
    expect(diagnostics.map((d) => [d.code, d.position?.line])).toEqual([
      ['enrich-repo-missing', 2],
      ['enrich-repo-moved', 3],
    ]);
  });

  it('a rejected token (401) is one warning for the whole batch, pointing at GITHUB_TOKEN', async () => {
    const refs = manyRepos(10);
    services.addFault('/github/graphql', {
      kind: 'status',
      status: 401,
      body: JSON.stringify({ message: 'Bad credentials' }),
    });
    const dir = await makeCacheDir();
    const { info, diagnostics } = await enrichRepos(
      refs,
      testOptions(services, dir, { githubToken: 'wrong' }),
    );
    expect(info.size).toBe(0);
    expect(services.requests).toHaveLength(1);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.code).toBe('enrich-fetch-failed');
    expect(diagnostics[0]?.message).toContain('10 repositories');
    expect(diagnostics[0]?.message).toContain('owner/repo-0');
    expect(diagnostics[0]?.message).toContain('Bad credentials (check GITHUB_TOKEN)');
    expect(diagnostics[0]?.position).toEqual(at(100));
  });

  it('a malformed GraphQL answer falls back to the cache for every repository', async () => {
    const refs = manyRepos(4);
    const dir = await makeCacheDir();
    const long = Date.now() - 30 * 24 * 3600 * 1000;
    await writeCacheFile(dir, { 'github.com/owner/repo-1': cachedRepo('owner/repo-1', 99) }, long);
    services.addFault('/github/graphql', { kind: 'malformed' });
    const { info, diagnostics } = await enrichRepos(refs, testOptions(services, dir, { githubToken: 't' }));
    expect(info.get('https://github.com/owner/repo-1')?.stars).toBe(99);
    expect(info.size).toBe(1);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.message).toContain('not valid JSON');
    expect(diagnostics[0]?.hints).toEqual(['1 uses its cached value; 3 have no star count.']);
    const cache = await readCacheFile(dir);
    expect(cache.entries['github.com/owner/repo-1']?.value).toEqual(cachedRepo('owner/repo-1', 99));
  });
});

describe('enrichRepos when GitHub misbehaves', () => {
  it('403 with X-RateLimit-Remaining: 0 and a distant reset: gives up, says when it resets and what to do', async () => {
    const refs = manyRepos(5);
    const dir = await makeCacheDir();
    const stale = Date.now() - 30 * 24 * 3600 * 1000;
    await writeCacheFile(dir, { 'github.com/owner/repo-3': cachedRepo('owner/repo-3', 33) }, stale);
    const reset = Math.floor(Date.now() / 1000) + 3600;
    services.addFault('/github/', {
      kind: 'status',
      status: 403,
      headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(reset) },
      body: JSON.stringify({ message: 'API rate limit exceeded for 127.0.0.1.' }),
    });
    const started = Date.now();
    const { info, diagnostics } = await enrichRepos(refs, testOptions(services, dir, { concurrency: 1 }));
    expect(Date.now() - started).toBeLessThan(2000);
    // One request saw the limit; the other four were never sent.
    expect(services.requests).toHaveLength(1);
    expect([...info.keys()]).toEqual(['https://github.com/owner/repo-3']);
    expect(info.get('https://github.com/owner/repo-3')?.stars).toBe(33);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.code).toBe('enrich-rate-limited');
    expect(diagnostics[0]?.message).toBe(
      `GitHub rate limit reached (resets at ${formatClock(reset * 1000)}); set GITHUB_TOKEN to raise the limit (https://github.com/settings/tokens).`,
    );
    expect(diagnostics[0]?.hints[0]).toContain('5 of 5 repositories were not fetched');
    expect(diagnostics[0]?.hints[0]).toContain('owner/repo-0');
    expect(diagnostics[0]?.hints[0]).toContain('1 uses its cached value; 4 have no star count.');
    expect(Object.keys((await readCacheFile(dir)).entries)).toEqual(['github.com/owner/repo-3']);
  });

  it('a rate-limit reset within the wait cap is waited out, then the request succeeds', async () => {
    services.addRepos(repo('locuslab/qpth', 461));
    const reset = Math.floor(Date.now() / 1000) + 3600;
    services.addFault(
      '/github/repos/locuslab/qpth',
      {
        kind: 'status',
        status: 403,
        headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(reset) },
      },
      1,
    );
    // The clock says the reset is 60 ms away.
    const { info, diagnostics } = await enrichRepos(
      [ref('locuslab/qpth')],
      testOptions(services, await makeCacheDir(), { now: () => reset * 1000 - 60 }),
    );
    expect(diagnostics).toEqual([]);
    expect(info.get('https://github.com/locuslab/qpth')?.stars).toBe(461);
    expect(services.requests).toHaveLength(2);
  });

  it('429 with Retry-After beyond the cap gives up at once', async () => {
    const refs = manyRepos(3);
    services.addFault('/github/', { kind: 'status', status: 429, headers: { 'Retry-After': '120' } });
    const now = Date.parse('2025-03-01T09:15:00');
    const { diagnostics } = await enrichRepos(
      refs,
      testOptions(services, await makeCacheDir(), { concurrency: 1, now: () => now }),
    );
    expect(services.requests).toHaveLength(1);
    expect(diagnostics.map((d) => d.code)).toEqual(['enrich-rate-limited']);
    expect(diagnostics[0]?.message).toContain('(resets at 09:17)');
  });

  it('500 once, then success on the retry', async () => {
    services.addRepos(repo('locuslab/qpth', 461));
    services.addFault('/github/repos/locuslab/qpth', { kind: 'status', status: 500 }, 1);
    const dir = await makeCacheDir();
    const { info, diagnostics } = await enrichRepos([ref('locuslab/qpth', 9)], testOptions(services, dir));
    expect(diagnostics).toEqual([]);
    expect(info.get('https://github.com/locuslab/qpth')?.stars).toBe(461);
    expect(services.requests).toHaveLength(2);
    expect((await readCacheFile(dir)).entries['github.com/locuslab/qpth']?.value).toMatchObject({
      stars: 461,
    });
  });

  it('persistent 500 on one repository: retried, then the stale cached value with a warning naming it', async () => {
    const refs = manyRepos(3);
    const dir = await makeCacheDir();
    const stale = Date.parse('2025-01-02T00:00:00Z');
    await writeCacheFile(dir, { 'github.com/owner/repo-1': cachedRepo('owner/repo-1', 77) }, stale);
    services.addFault('/github/repos/owner/repo-1', { kind: 'status', status: 500 });
    const { info, diagnostics } = await enrichRepos(refs, testOptions(services, dir, { retries: 2 }));
    expect(services.requestsTo('/repos/owner/repo-1')).toHaveLength(3);
    expect(info.get('https://github.com/owner/repo-1')?.stars).toBe(77);
    expect(info.get('https://github.com/owner/repo-2')?.stars).toBe(2);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'enrich-fetch-failed', position: at(101) });
    expect(diagnostics[0]?.message).toBe(
      'could not fetch GitHub data for owner/repo-1 (https://github.com/owner/repo-1): HTTP 500 Internal Server Error; using the cached value from 2025-01-02',
    );
    const cache = await readCacheFile(dir);
    expect(cache.entries['github.com/owner/repo-1']).toEqual({
      fetchedAt: '2025-01-02T00:00:00.000Z',
      value: cachedRepo('owner/repo-1', 77),
    });
    expect(cache.entries['github.com/owner/repo-2']?.value).toMatchObject({ stars: 2 });
  });

  it('persistent 500 with nothing cached: the row has no count', async () => {
    services.addRepos(repo('owner/flaky', 3));
    services.addFault('/github/', { kind: 'status', status: 500 });
    const dir = await makeCacheDir();
    const { info, diagnostics } = await enrichRepos(
      [ref('owner/flaky', 5)],
      testOptions(services, dir, { retries: 1 }),
    );
    expect(services.requests).toHaveLength(2);
    expect(info.size).toBe(0);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'enrich-fetch-failed', position: at(5) });
    expect(diagnostics[0]?.message).toContain('owner/flaky');
    expect(diagnostics[0]?.message).toContain('HTTP 500');
    expect(diagnostics[0]?.message).toContain('no star count is shown');
    // Nothing to cache, nothing written.
    expect(await readdir(dir)).toEqual([]);
  });

  it('a server that never answers times out; the call resolves with the cached value and a warning', async () => {
    services.addRepos(repo('locuslab/qpth', 461));
    const refs = [ref('locuslab/qpth', 4), ref('owner/slow', 6)];
    const dir = await makeCacheDir();
    await writeCacheFile(
      dir,
      { 'github.com/owner/slow': cachedRepo('owner/slow', 5) },
      Date.parse('2024-12-31T00:00:00Z'),
    );
    services.addFault('/github/repos/owner/slow', { kind: 'hang' });
    const started = Date.now();
    const { info, diagnostics } = await enrichRepos(
      refs,
      testOptions(services, dir, { timeoutMs: 100, retries: 1 }),
    );
    expect(Date.now() - started).toBeLessThan(1500);
    expect(services.requestsTo('/repos/owner/slow')).toHaveLength(2);
    expect(info.get('https://github.com/owner/slow')?.stars).toBe(5);
    expect(info.get('https://github.com/locuslab/qpth')?.stars).toBe(461);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'enrich-fetch-failed', position: at(6) });
    expect(diagnostics[0]?.message).toContain('owner/slow');
    expect(diagnostics[0]?.message).toContain('no answer within 100 ms (timeout)');
    expect(diagnostics[0]?.message).toContain('using the cached value from 2024-12-31');
    expect(Object.keys((await readCacheFile(dir)).entries).sort()).toEqual([
      'github.com/locuslab/qpth',
      'github.com/owner/slow',
    ]);
  });

  it('malformed JSON from REST: a warning, the cached value kept and the cache file intact', async () => {
    const dir = await makeCacheDir();
    await writeCacheFile(
      dir,
      { 'github.com/locuslab/qpth': cachedRepo('locuslab/qpth', 400) },
      Date.parse('2025-01-01'),
    );
    services.addFault('/github/repos/locuslab/qpth', { kind: 'malformed' });
    const { info, diagnostics } = await enrichRepos([ref('locuslab/qpth', 2)], testOptions(services, dir));
    expect(info.get('https://github.com/locuslab/qpth')?.stars).toBe(400);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.message).toContain('locuslab/qpth');
    expect(diagnostics[0]?.message).toContain('the response is not valid JSON');
    expect((await readCacheFile(dir)).entries['github.com/locuslab/qpth']?.value).toEqual(
      cachedRepo('locuslab/qpth', 400),
    );
  });

  it('stops asking a service that keeps failing, and reports the skipped repositories in one warning', async () => {
    const refs = manyRepos(20);
    services.addFault('/github/', { kind: 'status', status: 502 });
    const { info, diagnostics } = await enrichRepos(
      refs,
      testOptions(services, await makeCacheDir(), { concurrency: 1, retries: 1 }),
    );
    expect(info.size).toBe(0);
    // Three repositories, two attempts each; the other 17 are not sent.
    expect(services.requests).toHaveLength(6);
    expect(diagnostics.map((d) => d.code)).toEqual([
      'enrich-fetch-failed',
      'enrich-fetch-failed',
      'enrich-fetch-failed',
      'enrich-fetch-failed',
    ]);
    expect(diagnostics[3]?.message).toContain('17 repositories');
    expect(diagnostics[3]?.message).toContain('GitHub failed 3 times in a row');
  });
});

describe('progress', () => {
  /** A writable that records what is written, claiming to be a TTY or not. */
  function stream(isTTY: boolean) {
    const writes: string[] = [];
    const writable = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        writes.push(chunk.toString('utf8'));
        callback();
      },
    });
    return { writes, make: () => Object.assign(writable, { isTTY }) };
  }

  it('rewrites one line on a TTY and clears it at the end', async () => {
    const refs = manyRepos(3);
    const tty = stream(true);
    await enrichRepos(
      refs,
      testOptions(services, await makeCacheDir(), {
        quiet: false,
        progressStream: tty.make(),
        concurrency: 1,
      }),
    );
    expect(tty.writes[0]).toBe('\rFetching GitHub data 0/3');
    expect(tty.writes).toContain('\rFetching GitHub data 3/3');
    expect(tty.writes.at(-1)).toMatch(/^\r +\r$/);
    expect(tty.writes.join('')).not.toContain('\n');
  });

  it('is silent when the stream is not a TTY, or with quiet', async () => {
    const refs = manyRepos(3);
    const pipe = stream(false);
    await enrichRepos(
      refs,
      testOptions(services, await makeCacheDir(), { quiet: false, progressStream: pipe.make() }),
    );
    const tty = stream(true);
    await enrichRepos(
      refs,
      testOptions(services, await makeCacheDir(), { quiet: true, progressStream: tty.make() }),
    );
    expect(pipe.writes).toEqual([]);
    expect(tty.writes).toEqual([]);
  });
});
