import { mkdir, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JsonCache } from '../../src/enrich/cache.js';
import { enrichCitations } from '../../src/enrich/citations.js';
import { enrichRepos, type RepoRef } from '../../src/enrich/index.js';
import {
  cachedRepo,
  FakeServices,
  makeCacheDir,
  readCacheFile,
  removeCacheDirs,
  repo,
  testOptions,
} from './fake-services.js';

let services: FakeServices;
beforeAll(async () => {
  services = await FakeServices.start();
});
afterAll(async () => {
  await services.close();
  await removeCacheDirs();
});
beforeEach(() => {
  services.reset();
  services.addRepos(repo('locuslab/qpth', 461), repo('bamos/block', 253), repo('cvxgrp/cvxpylayers', 862));
});

const DAY = 24 * 3600 * 1000;
const T0 = Date.parse('2025-03-01T12:00:00Z');
const refs: RepoRef[] = ['locuslab/qpth', 'bamos/block', 'cvxgrp/cvxpylayers'].map((name, i) => ({
  url: `https://github.com/${name}`,
  position: { file: 'cv.yaml', line: 10 + i, column: 5 },
}));

/** Fills a cache at time T0 and returns its folder. */
async function warmCache(): Promise<string> {
  const dir = await makeCacheDir();
  await enrichRepos(refs, testOptions(services, dir, { now: () => T0 }));
  expect(services.requests).toHaveLength(3);
  services.requests.length = 0;
  return dir;
}

describe('cache ages', () => {
  it('a fresh cache answers without a single request', async () => {
    const dir = await warmCache();
    const { info, diagnostics } = await enrichRepos(
      refs,
      testOptions(services, dir, { now: () => T0 + 6 * DAY }),
    );
    expect(services.requests).toHaveLength(0);
    expect(diagnostics).toEqual([]);
    expect(info.get('https://github.com/bamos/block')?.stars).toBe(253);
  });

  it('a cache older than the TTL (7 days by default) is fetched again and restamped', async () => {
    const dir = await warmCache();
    services.addRepos(repo('bamos/block', 300));
    const { info } = await enrichRepos(refs, testOptions(services, dir, { now: () => T0 + 8 * DAY }));
    expect(services.requests).toHaveLength(3);
    expect(info.get('https://github.com/bamos/block')?.stars).toBe(300);
    const cache = await readCacheFile(dir);
    expect(cache.entries['github.com/bamos/block']).toEqual({
      fetchedAt: new Date(T0 + 8 * DAY).toISOString(),
      value: cachedRepo('bamos/block', 300, 'About bamos/block'),
    });
  });

  it('honours a custom TTL', async () => {
    const dir = await warmCache();
    await enrichRepos(
      refs,
      testOptions(services, dir, { now: () => T0 + 2 * 3600 * 1000, ttlMs: 3600 * 1000 }),
    );
    expect(services.requests).toHaveLength(3);
  });

  it('refresh fetches everything even when fresh', async () => {
    const dir = await warmCache();
    await enrichRepos(refs, testOptions(services, dir, { now: () => T0 + 1000, refresh: true }));
    expect(services.requests).toHaveLength(3);
  });

  it('offline never fetches: any age is used, and missing values get one summary warning', async () => {
    const dir = await warmCache();
    const more: RepoRef[] = [
      ...refs,
      { url: 'https://github.com/owner/uncached-1' },
      { url: 'https://github.com/owner/uncached-2' },
    ];
    const { info, diagnostics } = await enrichRepos(
      more,
      testOptions(services, dir, { now: () => T0 + 400 * DAY, offline: true }),
    );
    expect(services.requests).toHaveLength(0);
    expect(info.get('https://github.com/locuslab/qpth')?.stars).toBe(461);
    expect(info.size).toBe(3);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'enrich-offline-missing', severity: 'warning' });
    expect(diagnostics[0]?.message).toBe(
      'offline: 2 of 5 GitHub repositories have no cached data; their star counts are omitted',
    );
  });

  it('offline with no cache at all: zero requests, one warning, nothing written', async () => {
    const dir = await makeCacheDir();
    const { info, diagnostics } = await enrichRepos(refs, testOptions(services, dir, { offline: true }));
    expect(services.requests).toHaveLength(0);
    expect(info.size).toBe(0);
    expect(diagnostics.map((d) => d.code)).toEqual(['enrich-offline-missing']);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('corrupt cache files', () => {
  const TRUNCATED = '{"version": 1, "entries": {"github.com/locuslab/qpth": {';
  const damagedFiles: [string, string, string][] = [
    ['truncated JSON', TRUNCATED, 'not valid JSON'],
    ['an unknown format version', '{"version": 99, "entries": {"github.com/x/y": {}}}', 'format version 99'],
    ['no version', '{"version": null, "entries": {}}', 'format version null'],
    ['the wrong shape (no entries)', '{"version": 1}', 'no "entries" object'],
    ['the wrong shape (an array)', '[]', 'no "entries" object'],
    ['the wrong shape (null)', 'null', 'no "entries" object'],
  ];

  /** The names in `dir` other than the cache file itself. */
  async function asideFiles(dir: string, file = 'github.json'): Promise<string[]> {
    return (await readdir(dir)).filter((name) => name.startsWith(`${file}.corrupt-`));
  }

  for (const [label, content, why] of damagedFiles) {
    it(`${label}, offline: a warning naming the file, and the file is left byte for byte`, async () => {
      const dir = await makeCacheDir();
      await writeFile(join(dir, 'github.json'), content);
      const { info, diagnostics } = await enrichRepos(refs, testOptions(services, dir, { offline: true }));
      expect(services.requests).toHaveLength(0);
      expect(info.size).toBe(0);
      expect(diagnostics.map((d) => d.code)).toEqual(['enrich-cache-corrupt', 'enrich-offline-missing']);
      expect(diagnostics[0]?.message).toContain(join(dir, 'github.json'));
      expect(diagnostics[0]?.message).toContain(why);
      expect(diagnostics[0]?.position).toEqual({ file: join(dir, 'github.json'), line: 1, column: 1 });
      expect(await readdir(dir)).toEqual(['github.json']);
      expect(await readFile(join(dir, 'github.json'), 'utf8')).toBe(content);
    });

    it(`${label}, online: the file is moved aside (both paths named), then a new cache is written`, async () => {
      const dir = await makeCacheDir();
      await writeFile(join(dir, 'github.json'), content);
      const { info, diagnostics } = await enrichRepos(refs, testOptions(services, dir));
      expect(info.size).toBe(3);
      expect(diagnostics.map((d) => d.code)).toEqual(['enrich-cache-corrupt', 'enrich-cache-moved-aside']);
      const aside = await asideFiles(dir);
      expect(aside).toHaveLength(1);
      expect(aside[0]).toMatch(/^github\.json\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/);
      expect(await readFile(join(dir, aside[0] as string), 'utf8')).toBe(content);
      expect(diagnostics[1]?.message).toContain(join(dir, 'github.json'));
      expect(diagnostics[1]?.message).toContain(join(dir, aside[0] as string));
      expect(Object.keys((await readCacheFile(dir)).entries)).toHaveLength(3);
      expect((await readdir(dir)).sort()).toEqual([aside[0], 'github.json'].sort());
    });
  }

  it('a second damaged file in the same instant gets its own aside name, never overwriting the first', async () => {
    const dir = await makeCacheDir();
    await writeFile(join(dir, 'github.json'), 'first');
    await enrichRepos(refs, testOptions(services, dir));
    await writeFile(join(dir, 'github.json'), 'second');
    services.reset();
    services.addRepos(repo('locuslab/qpth', 461), repo('bamos/block', 253), repo('cvxgrp/cvxpylayers', 862));
    await enrichRepos(refs, testOptions(services, dir));
    const contents = await Promise.all((await asideFiles(dir)).map((f) => readFile(join(dir, f), 'utf8')));
    expect(contents.sort()).toEqual(['first', 'second']);
  });

  it('citations.json: corrupt and offline is kept untouched', async () => {
    const dir = await makeCacheDir();
    await writeFile(join(dir, 'citations.json'), TRUNCATED);
    const { diagnostics } = await enrichCitations(
      { semantic_scholar: '1741101' },
      [],
      testOptions(services, dir, { offline: true }),
    );
    expect(services.requests).toHaveLength(0);
    expect(diagnostics.map((d) => d.code)).toContain('enrich-cache-corrupt');
    expect(await readdir(dir)).toEqual(['citations.json']);
    expect(await readFile(join(dir, 'citations.json'), 'utf8')).toBe(TRUNCATED);
  });

  it('malformed entries are ignored and fetched again; good ones are kept; the original is moved aside', async () => {
    const dir = await makeCacheDir();
    const original = JSON.stringify({
      version: 1,
      entries: {
        'github.com/locuslab/qpth': {
          fetchedAt: new Date(T0).toISOString(),
          value: cachedRepo('locuslab/qpth', 1),
        },
        'github.com/bamos/block': { fetchedAt: 'yesterday', value: cachedRepo('bamos/block', 2) },
        'github.com/cvxgrp/cvxpylayers': {
          fetchedAt: new Date(T0).toISOString(),
          value: { status: 'found' },
        },
      },
    });
    await writeFile(join(dir, 'github.json'), original);
    const { info, diagnostics } = await enrichRepos(refs, testOptions(services, dir, { now: () => T0 }));
    expect(diagnostics.map((d) => d.code)).toEqual(['enrich-cache-corrupt', 'enrich-cache-moved-aside']);
    expect(diagnostics[0]?.message).toContain('2 malformed entries');
    expect(services.requests.map((r) => r.path).sort()).toEqual([
      '/github/repos/bamos/block',
      '/github/repos/cvxgrp/cvxpylayers',
    ]);
    expect(info.get('https://github.com/locuslab/qpth')?.stars).toBe(1);
    expect(info.get('https://github.com/bamos/block')?.stars).toBe(253);
    expect(Object.keys((await readCacheFile(dir)).entries)).toHaveLength(3);
    const aside = await asideFiles(dir);
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dir, aside[0] as string), 'utf8')).toBe(original);
  });

  it('malformed entries, offline: the good ones are used and the file is not touched', async () => {
    const dir = await makeCacheDir();
    const original = JSON.stringify({
      version: 1,
      entries: {
        'github.com/locuslab/qpth': {
          fetchedAt: new Date(T0).toISOString(),
          value: cachedRepo('locuslab/qpth', 1),
        },
        'github.com/bamos/block': { fetchedAt: 'yesterday', value: cachedRepo('bamos/block', 2) },
      },
    });
    await writeFile(join(dir, 'github.json'), original);
    const { info } = await enrichRepos(refs, testOptions(services, dir, { offline: true }));
    expect(info.get('https://github.com/locuslab/qpth')?.stars).toBe(1);
    expect(await readdir(dir)).toEqual(['github.json']);
    expect(await readFile(join(dir, 'github.json'), 'utf8')).toBe(original);
  });

  it('a fresh, valid cache: an online build that fetches nothing writes nothing', async () => {
    const dir = await warmCache();
    const before = await readFile(join(dir, 'github.json'), 'utf8');
    await writeFile(join(dir, 'github.json'), `${before}   `);
    await enrichRepos(refs, testOptions(services, dir, { now: () => T0 + 1000 }));
    expect(services.requests).toHaveLength(0);
    expect(await readFile(join(dir, 'github.json'), 'utf8')).toBe(`${before}   `);
  });
});

describe('writing', () => {
  it('writes atomically: no temp files left, concurrent writers leave a valid file', async () => {
    const dir = await makeCacheDir();
    await Promise.all([
      enrichRepos(refs.slice(0, 2), testOptions(services, dir)),
      enrichRepos(refs.slice(1), testOptions(services, dir)),
      enrichRepos(refs, testOptions(services, dir)),
    ]);
    expect(await readdir(dir)).toEqual(['github.json']);
    expect(Object.keys((await readCacheFile(dir)).entries).length).toBeGreaterThanOrEqual(2);
  });

  it('creates a missing cache folder', async () => {
    const dir = join(await makeCacheDir(), 'nested', '.vita-cache');
    await enrichRepos(refs, testOptions(services, dir));
    expect(Object.keys((await readCacheFile(dir)).entries)).toHaveLength(3);
  });

  it('a cache folder that cannot be written is a warning, and the values are still returned', async () => {
    const parent = await makeCacheDir();
    const blocked = join(parent, 'not-a-folder');
    await writeFile(blocked, 'a file where the cache folder should be');
    const { info, diagnostics } = await enrichRepos(refs, testOptions(services, blocked));
    expect(info.size).toBe(3);
    expect(diagnostics.map((d) => d.code)).toEqual(['enrich-cache-write-failed']);
    expect(await readFile(blocked, 'utf8')).toBe('a file where the cache folder should be');
  });

  it('JsonCache.isFresh compares the age with the TTL', () => {
    const entry = { fetchedAt: new Date(T0).toISOString(), value: 1 };
    expect(JsonCache.isFresh(entry, T0 + 999, 1000)).toBe(true);
    expect(JsonCache.isFresh(entry, T0 + 1000, 1000)).toBe(false);
    expect(JsonCache.isFresh(entry, T0 - 5000, 1000)).toBe(true);
  });
});

describe('an unreadable cache file', () => {
  it('is a warning, and the build goes on with fetched values', async () => {
    const dir = await makeCacheDir();
    // A folder named like the cache file: reading it fails (EISDIR), and so does renaming over it.
    await mkdir(join(dir, 'github.json', 'inside'), { recursive: true });
    const { info, diagnostics } = await enrichRepos(refs, testOptions(services, dir));
    expect(info.get('https://github.com/locuslab/qpth')?.stars).toBe(461);
    expect(diagnostics.map((d) => d.code)).toEqual(['enrich-cache-unreadable', 'enrich-cache-write-failed']);
    expect(diagnostics[0]?.message).toContain('EISDIR');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('a cache file that exists but cannot be read', () => {
  // A link to itself fails every read (ELOOP) whoever runs the test; mode 000 would not stop root.
  it('is kept: offline nothing is written, online it is moved aside before the new file is written', async () => {
    const dir = await makeCacheDir();
    const file = join(dir, 'github.json');
    await symlink('github.json', file);
    const offline = await enrichRepos(refs, testOptions(services, dir, { offline: true }));
    expect(offline.diagnostics.map((d) => d.code)).toEqual([
      'enrich-cache-unreadable',
      'enrich-offline-missing',
    ]);
    expect(await readdir(dir)).toEqual(['github.json']);
    expect(await readlink(file)).toBe('github.json');
    const online = await enrichRepos(refs, testOptions(services, dir));
    expect(online.diagnostics.map((d) => d.code)).toEqual([
      'enrich-cache-unreadable',
      'enrich-cache-moved-aside',
    ]);
    const aside = (await readdir(dir)).filter((f) => f.startsWith('github.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(await readlink(join(dir, aside[0] as string))).toBe('github.json');
    expect(Object.keys((await readCacheFile(dir)).entries)).toHaveLength(3);
  });
});
