/**
 * `vita check`: validation without writing, and `--links` against a local server with a good page, a 404,
 * a server that refuses HEAD, a slow page (timeout), redirects (to a good and to a missing page) and a page
 * that refuses robots. Broken links are errors at their file:line:col in the YAML and the .bib file.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();
let server: Server;
let base = '';
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    const send = (status: number, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/html', ...headers });
      res.end(req.method === 'HEAD' ? undefined : `<p>${status}</p>`);
    };
    switch (req.url) {
      case '/good':
        return send(200);
      case '/missing':
        return send(404);
      case '/no-head':
        return send(req.method === 'HEAD' ? 405 : 200);
      case '/moved':
        return send(301, { location: '/good' });
      case '/moved-to-missing':
        return send(302, { location: '/missing' });
      case '/robots-unwelcome':
        return send(403);
      case '/slow': {
        const timer = setTimeout(() => send(200), 5000);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      default:
        return send(500);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function cvYaml(links: { honors: string[]; talk?: string; href?: string }, extra = ''): string {
  const honors = links.honors.map((url, i) => `  - title: Prize ${i}\n    url: ${base}${url}\n`).join('');
  const talk = links.talk
    ? `talks:\n  - title: A talk\n    location: "Royal Society, \\\\href{${base}${links.href}}{slides}"\n    location_url: ${base}${links.talk}\n`
    : '';
  return `name: Ada Lovelace\nhonors:\n${honors}${talk}publications:\n  name: Lovelace\n  file: pubs.bib\n${extra}`;
}

function bib(url: string, codeurl: string): string {
  return `@article{engine1843,
  author  = {Ada Lovelace},
  title   = {Notes on the Analytical Engine},
  _venue  = {Scientific Memoirs},
  year    = {1843},
  url     = {${base}${url}},
  codeurl = {${base}${codeurl}},
}
`;
}

function setUp(yaml: string, bibText: string): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'cv.yaml'), yaml);
  writeFileSync(path.join(dir, 'pubs.bib'), bibText);
  return dir;
}

/** `file:line:col` of the first line of `text` that contains `needle`, 1-based. */
function where(text: string, needle: string): string {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return `${line + 1}:${(lines[line] ?? '').indexOf(needle) + 1}`;
}

const check = (dir: string, ...args: string[]) =>
  runCli(['check', path.join(dir, 'cv.yaml'), '--only', 'md,json', ...args], { cwd: dir });

describe('vita check', () => {
  it('validates without writing anything', async () => {
    const dir = setUp(cvYaml({ honors: ['/good'] }), bib('/good', '/good'));
    const ok = await check(dir);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('ok: the CV is valid\n');
    expect(existsSync(path.join(dir, 'build'))).toBe(false);

    writeFileSync(
      path.join(dir, 'cv.yaml'),
      cvYaml({ honors: ['/good'] }).replace('title: Prize 0', 'title: {text: Prize 0}'),
    );
    // A mapping where text is expected is a warning (the section is shown generically); --strict fails on it.
    const odd = await check(dir);
    expect(odd.code).toBe(0);
    expect(odd.stderr).toMatch(/cv\.yaml:3:12: warning: `honors\[0\]\.title`: expected text/);
    const bad = await check(dir, '--strict');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/cv\.yaml:3:12: error: `honors\[0\]\.title`: expected text/);
    expect(existsSync(path.join(dir, 'build'))).toBe(false);
  });

  it('--links reports every broken link at its file:line:col and exits 1', async () => {
    const yaml = cvYaml({ honors: ['/good', '/missing'], talk: '/moved', href: '/no-head' });
    const bibText = bib('/slow', '/moved-to-missing');
    const dir = setUp(yaml, bibText);
    hits.length = 0;
    const started = Date.now();
    const r = await check(dir, '--links', '--timeout', '300ms');
    expect(Date.now() - started).toBeLessThan(4000);
    expect(r.code).toBe(1);
    const errors = [
      ...r.stderr.matchAll(/([^\s]+):(\d+):(\d+): error: broken link: (\S+) \((.+)\) \[broken-link\]/g),
    ].map((m) => `${path.basename(m[1] as string)}:${m[2]}:${m[3]} ${m[4]} ${m[5]}`);
    expect(errors.sort()).toEqual(
      [
        `cv.yaml:${where(yaml, `${base}/missing`)} ${base}/missing 404 Not Found`,
        `pubs.bib:${where(bibText, `${base}/slow`)} ${base}/slow no answer within 300 ms`,
        `pubs.bib:${where(bibText, `${base}/moved-to-missing`)} ${base}/moved-to-missing 404 Not Found`,
      ].sort(),
    );
    expect(r.stderr).toContain(`hint: it redirects to ${base}/missing`);
    // HEAD refused (405): checked again with GET, and fine.
    expect(hits.filter((h) => h.endsWith(' /no-head'))).toEqual(['HEAD /no-head', 'GET /no-head']);
    // A redirect that ends well is not broken: reported with its final URL.
    expect(r.stdout).toContain(
      `cv.yaml:${where(yaml, `${base}/moved`)}: redirects: ${base}/moved -> ${base}/good\n`,
    );
    expect(r.stdout).toContain(
      'links: 6 checked, 3 ok (1 through a redirect), 3 broken, 0 not verified, 0 skipped\n',
    );
    expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+\)/);
  });

  it('--links exits 0 when every link works; a server that refuses robots is a warning', async () => {
    const dir = setUp(
      cvYaml({ honors: ['/good', '/robots-unwelcome'], talk: '/moved', href: '/no-head' }),
      bib('/good', '/moved'),
    );
    const r = await check(dir, '--links');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /cv\.yaml:6:10: warning: link not verified: .*\/robots-unwelcome \(403 Forbidden/,
    );
    expect(r.stdout).toContain(
      'links: 4 checked, 3 ok (1 through a redirect), 0 broken, 1 not verified, 0 skipped\n',
    );
    expect(r.stdout).toContain('ok: the CV is valid and its links work\n');
    const strict = await check(dir, '--links', '--strict');
    expect(strict.code).toBe(1);
  });

  it('the skip list in cv.yaml: prefixes and regular expressions', async () => {
    const skip = `check:\n  skip:\n    - ${base}/missing\n    - /\\/slow$/\n    - ^http://127\\.0\\.0\\.1:\\d+/moved-to\n`;
    const dir = setUp(cvYaml({ honors: ['/good', '/missing'] }, skip), bib('/slow', '/moved-to-missing'));
    hits.length = 0;
    const r = await check(dir, '--links', '--timeout', '300ms');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'links: 1 checked, 1 ok (0 through a redirect), 0 broken, 0 not verified, 3 skipped\n',
    );
    expect(hits.some((h) => /missing|slow/.test(h))).toBe(false);
  });

  it('an invalid regular expression in the skip list is an error at its place', async () => {
    const dir = setUp(
      cvYaml({ honors: ['/good'] }, 'check:\n  skip:\n    - /(unclosed/\n'),
      bib('/good', '/good'),
    );
    const r = await check(dir, '--links');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /cv\.yaml:10:7: error: `check\.skip`: `\/\(unclosed\/` is not a valid regular expression/,
    );
  });

  it('a wrong --timeout is a usage error', async () => {
    const dir = setUp(cvYaml({ honors: ['/good'] }), bib('/good', '/good'));
    const r = await check(dir, '--links', '--timeout', 'soon');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--timeout: `soon` is not a duration');
  });
});
