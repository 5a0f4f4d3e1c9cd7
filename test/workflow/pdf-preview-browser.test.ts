/**
 * The PDF preview of watch mode (`/__vita/pdf`, src/watch/pdf-preview.ts) in a real browser (Debian's
 * Chromium through playwright-core): PDF.js draws the pages, a new build is drawn in place (the scroll
 * position stays), pages out of view are drawn for the new build when they come into view, a broken edit
 * leaves the last PDF on screen under the overlay, and pages far out of view give their canvases back.
 * Skipped, and registered for the run's summary line (test/helpers/skips.ts), when no `chromium` is on PATH
 * (CI installs it).
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTargets } from '../../src/cli/commands/build.js';
import { startWatch, type WatchHandle } from '../../src/watch/index.js';
import { launchChromium } from '../helpers/chromium.js';
import { findProgram, registerSkip } from '../helpers/skips.js';
import { REPO_DIR, useTempDirs } from '../helpers/temp-dir.js';

const CHROMIUM = findProgram('chromium');
const HAS_CHROMIUM = CHROMIUM !== undefined;
if (!HAS_CHROMIUM) registerSkip('PDF preview in Chromium', 'apt-get install chromium fonts-liberation');
const tempDir = useTempDirs();
const ARTEFACTS = path.join(REPO_DIR, 'test-results/pdf-preview');

// Browser-side expressions are strings: the project compiles without the DOM library.
const SHOWN_BUILD = `document.documentElement.getAttribute('data-vita-pdf-build')`;
/** A digest of a page's canvas pixels (`index` from 0), or null while the page has no canvas. */
const canvasDigest = (index: number) => `(() => {
  const canvas = document.querySelectorAll('.vita-page')[${index}]?.querySelector('canvas');
  if (!canvas) return null;
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let hash = 0;
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) {
    hash = (hash * 31 + data[i] + 7 * data[i + 1] + 13 * data[i + 2]) | 0;
    if (data[i] < 128) ink++;
  }
  return hash + ':' + ink;
})()`;

/** Watch mode, PDF only, on a copy of the seed CV (`edit` applied to its YAML before the first build). */
async function watchSeedPdf(edit?: (yaml: string) => string) {
  const dir = tempDir();
  cpSync(path.join(REPO_DIR, 'examples/seed'), dir, { recursive: true });
  const yaml = path.join(dir, 'cv.yaml');
  const original = readFileSync(yaml, 'utf8');
  if (edit) writeFileSync(yaml, edit(original));
  const handle = await startWatch({
    files: [yaml],
    outDir: path.join(dir, 'build'),
    targets: parseTargets('pdf'),
    now: () => new Date('2024-05-01T00:00:00Z'),
    enrich: { cacheDir: path.join(dir, '.vita-cache'), offline: true, quiet: true },
    port: 0,
    debounceMs: 20,
  });
  return { handle, yaml, original };
}

async function shownBuildAfter(page: Page, before: string | null): Promise<string> {
  await page.waitForFunction(
    `(() => { const b = ${SHOWN_BUILD}; return b !== null && b !== ${JSON.stringify(before)}; })()`,
    undefined,
    { timeout: 30_000 },
  );
  return (await page.evaluate<string | null>(SHOWN_BUILD)) ?? '';
}

describe.skipIf(!HAS_CHROMIUM)(
  `PDF preview in Chromium${HAS_CHROMIUM ? '' : ' [SKIPPED: chromium not on PATH]'}`,
  () => {
    let browser: Browser;
    let handle: WatchHandle;
    let yaml: string;
    let original: string;

    beforeAll(async () => {
      mkdirSync(ARTEFACTS, { recursive: true });
      ({ handle, yaml, original } = await watchSeedPdf());
      browser = await launchChromium(CHROMIUM ?? 'chromium');
    });

    afterAll(async () => {
      await browser?.close();
      await handle?.close();
    });

    it('draws the pages, and each new build in place, keeping the scroll position', async () => {
      const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      try {
        expect(handle.lastBuild().ok).toBe(true);
        await page.goto(handle.pdfUrl);
        await shownBuildAfter(page, null);
        expect(await page.evaluate<string>(`document.getElementById('vita-pdf-status').textContent`)).toBe(
          '3 pages',
        );
        expect(await page.evaluate<number>(`document.querySelectorAll('.vita-page').length`)).toBe(3);
        // The first page is drawn (ink on it: the name, the headings), the third is not in view yet.
        const firstBefore = await page.evaluate<string | null>(canvasDigest(0));
        expect(Number(firstBefore?.split(':')[1])).toBeGreaterThan(1000);
        expect(await page.evaluate<string | null>(canvasDigest(2))).toBeNull();
        // The PDF's web links lie over the picture: the contacts of the first page among them.
        const links = await page.evaluate<string[]>(
          `[...document.querySelectorAll('.vita-page')[0].querySelectorAll('a')].map((a) => a.href)`,
        );
        expect(links).toContain('mailto:brandon.amos.cs@gmail.com');
        for (const href of links) expect(href).toMatch(/^(https?:|mailto:)/);
        // The page's text lies over the picture (added just after it), invisible, at the picture's size: it
        // can be selected and copied, and the browser's find reaches it. The links stay on top of it.
        await page.waitForSelector('.vita-page .textLayer span', { timeout: 10_000 });
        const layer = await page.evaluate<{ text: string; color: string; width: number; box: number }>(
          `(() => {
            const box = document.querySelectorAll('.vita-page')[0];
            const layer = box.querySelector('.textLayer');
            return {
              text: layer.textContent,
              color: getComputedStyle(layer.querySelector('span')).color,
              width: layer.getBoundingClientRect().width,
              box: box.getBoundingClientRect().width,
            };
          })()`,
        );
        expect(layer.text.replace(/\s+/g, ' ')).toContain('Brandon Amos');
        expect(layer.color).toBe('rgba(0, 0, 0, 0)');
        expect(Math.abs(layer.width - layer.box)).toBeLessThan(2);
        // The browser's find: within one run of text (PDF.js writes each run as a span of its own, and find does
        // not join two positioned spans: "Brandon Amos", two runs here, is not found as one phrase).
        expect(await page.evaluate<boolean>(`window.find('research scientist')`)).toBe(true);
        expect(
          await page.evaluate<boolean>(`(() => {
            const a = document.querySelectorAll('.vita-page')[0].querySelector('a');
            const r = a.getBoundingClientRect();
            return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === a;
          })()`),
        ).toBe(true);
        await expect.poll(() => handle.liveClients(), { timeout: 10_000 }).toBe(1);

        // Scrolled to the second page, it is drawn when it comes into view.
        const top = await page.evaluate<number>(
          `document.querySelectorAll('.vita-page')[1].getBoundingClientRect().top + window.scrollY - 40`,
        );
        await page.evaluate(`window.scrollTo(0, ${top})`);
        await page.waitForFunction(`${canvasDigest(1)} !== null`, undefined, { timeout: 10_000 });
        await page.evaluate(
          `document.querySelectorAll('.vita-page')[1].querySelector('canvas').dataset.old = '1'`,
        );
        const scrolled = await page.evaluate<number>('window.scrollY');
        expect(scrolled).toBeGreaterThan(300);

        // An edit of page 1: the page in view is drawn anew for the new build, the scroll position stays.
        const before = await page.evaluate<string | null>(SHOWN_BUILD);
        writeFileSync(yaml, original.replace('  first: Brandon\n', '  first: Renamed\n'));
        const build = await shownBuildAfter(page, before);
        expect(Number(build)).toBeGreaterThan(0);
        expect(await page.evaluate<number>('window.scrollY')).toBe(scrolled);
        expect(
          await page.evaluate<string | undefined>(
            `document.querySelectorAll('.vita-page')[1].querySelector('canvas').dataset.old`,
          ),
        ).toBeUndefined();
        await page.screenshot({ path: path.join(ARTEFACTS, 'seed-page-2-after-edit.png') });

        // Back at the top, page 1 is drawn for the new build: its pixels differ (the new name).
        await page.evaluate('window.scrollTo(0, 0)');
        await page.waitForFunction(`${canvasDigest(0)} !== ${JSON.stringify(firstBefore)}`, undefined, {
          timeout: 10_000,
        });

        // A broken edit: the overlay names the problem, the last PDF stays on screen.
        writeFileSync(yaml, original.replace('  first: Brandon\n', '  first: [broken\n'));
        await page.waitForSelector('#vita-diagnostics[role=alert]', { timeout: 15_000 });
        expect(await page.evaluate<string | null>(SHOWN_BUILD)).toBe(build);
        expect(
          await page.evaluate<number>(`document.querySelectorAll('.vita-page canvas').length`),
        ).toBeGreaterThan(0);

        // Fixed: a new build is drawn and the overlay goes.
        writeFileSync(yaml, original);
        await shownBuildAfter(page, build);
        await page.waitForFunction(`document.querySelector('#vita-diagnostics[role=alert]') === null`);
        expect(await page.evaluate<string | null>(canvasDigest(0))).toBe(firstBefore);

        // A page far out of view gives its canvas back (a long CV has hundreds of pages), and gets a new
        // one when it comes back into view.
        await page.setViewportSize({ width: 900, height: 200 });
        await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
        await page.waitForFunction(`${canvasDigest(2)} !== null && ${canvasDigest(0)} === null`, undefined, {
          timeout: 10_000,
        });
        await page.evaluate('window.scrollTo(0, 0)');
        await page.waitForFunction(`${canvasDigest(0)} !== null`, undefined, { timeout: 10_000 });
        // Wider again: the pages are laid out for the new width and the ones in view drawn for it.
        await page.setViewportSize({ width: 600, height: 700 });
        await page.waitForFunction(
          `(() => {
            const box = document.querySelectorAll('.vita-page')[0];
            const canvas = box.querySelector('canvas');
            return box.getBoundingClientRect().width <= 600 - 24 && canvas !== null &&
              Math.abs(canvas.width - box.getBoundingClientRect().width * devicePixelRatio) <= 2;
          })()`,
          undefined,
          { timeout: 10_000 },
        );
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it('says when there is no PDF yet, and draws the first one a build writes', async () => {
      const {
        handle: broken,
        yaml: brokenYaml,
        original: good,
      } = await watchSeedPdf((text) => text.replace('  first: Brandon\n', '  first: [broken\n'));
      const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      try {
        expect(broken.lastBuild().ok).toBe(false);
        await page.goto(broken.pdfUrl);
        await page.waitForFunction(
          `document.getElementById('vita-pdf-status').textContent === 'No cv.pdf to show yet.'`,
          undefined,
          { timeout: 10_000 },
        );
        await expect.poll(() => broken.liveClients(), { timeout: 10_000 }).toBe(1);
        writeFileSync(brokenYaml, good);
        const build = await shownBuildAfter(page, null);
        expect(Number(build)).toBeGreaterThan(1);
        expect(await page.evaluate<string>(`document.getElementById('vita-pdf-status').textContent`)).toBe(
          '3 pages',
        );
        expect(Number((await page.evaluate<string | null>(canvasDigest(0)))?.split(':')[1])).toBeGreaterThan(
          1000,
        );
        expect(problems).toEqual([]);
      } finally {
        await page.close();
        await broken.close();
      }
    });
  },
);
