/**
 * Benchmark of watch mode as the user sees it: from saving a one-line edit of the corpus (a temporary copy)
 * to the edit shown in the page's DOM in Chromium (Debian's, through playwright-core): file system
 * notification, quiet period, rebuild, reload event, page load. Run after `npm run build`:
 *
 *   import { benchWatchBrowser } from './watch-browser.js';
 *   const r = await benchWatchBrowser('test/fixtures/bamos-cv/cv.yaml'); // undefined without chromium
 *
 * The page is measured with the web targets only (html, json): the watch server runs in this process, and so
 * does the playwright client that polls the DOM, so with the PDF in the targets the poll would share this
 * thread with the PDF's step (its data, then writing it; the compile itself runs on the Typst worker), which a
 * separate `vita watch` process does not. `benchWatchBrowserPdf` measures the PDF preview
 * (`/__vita/pdf`): from the save until PDF.js has drawn the new `cv.pdf` where the reader is.
 */
import { accessSync, constants, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startWatch } from '../dist/watch/index.js';

const WARMUP = 2;
const RUNS = 8;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Until the page listens to the build events: a save before that would be missed by this tab. */
async function connected(handle) {
  const deadline = Date.now() + 10_000;
  while (handle.liveClients() < 1) {
    if (Date.now() > deadline) throw new Error('the page did not connect to the watch server');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function findChromium() {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, 'chromium');
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {}
  }
  return undefined;
}

export async function benchWatchBrowser(corpusYamlPath) {
  const executablePath = findChromium();
  if (executablePath === undefined) return undefined;
  const { chromium } = await import('playwright-core');
  const source = path.resolve(corpusYamlPath);
  const dir = mkdtempSync(path.join(tmpdir(), 'vita-bench-watch-browser-'));
  cpSync(path.dirname(source), dir, { recursive: true });
  const yaml = path.join(dir, path.basename(source));
  const original = readFileSync(yaml, 'utf8');
  if (!/^email:.*$/m.test(original)) throw new Error(`${source} has no \`email:\` line to edit`);
  const handle = await startWatch({
    files: [yaml],
    outDir: path.join(dir, 'build'),
    targets: ['html', 'json'],
    now: () => new Date('2024-05-01T00:00:00Z'),
    enrich: { cacheDir: path.join(dir, '.vita-cache'), offline: true, quiet: true },
    port: 0,
  });
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const samples = [];
  try {
    if (!handle.lastBuild().ok) throw new Error(`the first build of ${source} failed`);
    const page = await browser.newPage();
    await page.goto(handle.url);
    await connected(handle);
    for (let run = 0; run < WARMUP + RUNS; run++) {
      const marker = `bench-${run}@example.org`;
      const start = performance.now();
      writeFileSync(yaml, original.replace(/^email:.*$/m, `email: ${marker}`));
      await page.waitForFunction((m) => document.body?.textContent?.includes(m) ?? false, marker, {
        timeout: 30_000,
        polling: 'raf',
      });
      if (run >= WARMUP) samples.push(performance.now() - start);
    }
  } finally {
    await browser.close();
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    /** Save to the edit visible in the DOM. */
    median_ms: Math.round(median(samples) * 10) / 10,
    runs: samples.length,
    samples_ms: samples.map((ms) => Math.round(ms * 10) / 10),
  };
}

/**
 * Save to the new `cv.pdf` drawn by the preview of `/__vita/pdf` (PDF.js, src/watch/pdf-preview.ts): the
 * preview sets `data-vita-pdf-build` on the root element once the pages in view show the new build. All
 * targets but the PDF's LaTeX twin, the tab scrolled to the third page (an edit near the top is redrawn where
 * the reader is).
 */
export async function benchWatchBrowserPdf(corpusYamlPath) {
  const executablePath = findChromium();
  if (executablePath === undefined) return undefined;
  const { chromium } = await import('playwright-core');
  const source = path.resolve(corpusYamlPath);
  const dir = mkdtempSync(path.join(tmpdir(), 'vita-bench-watch-pdf-'));
  cpSync(path.dirname(source), dir, { recursive: true });
  const yaml = path.join(dir, path.basename(source));
  const original = readFileSync(yaml, 'utf8');
  const handle = await startWatch({
    files: [yaml],
    outDir: path.join(dir, 'build'),
    targets: ['html', 'json', 'pdf'],
    now: () => new Date('2024-05-01T00:00:00Z'),
    enrich: { cacheDir: path.join(dir, '.vita-cache'), offline: true, quiet: true },
    port: 0,
  });
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const shown = `document.documentElement.getAttribute('data-vita-pdf-build')`;
  const samples = [];
  try {
    if (!handle.lastBuild().ok) throw new Error(`the first build of ${source} failed`);
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(handle.pdfUrl);
    await connected(handle);
    await page.waitForFunction(`${shown} !== null`, undefined, { timeout: 30_000 });
    await page.evaluate(
      `window.scrollTo(0, document.querySelectorAll('.vita-page')[2].getBoundingClientRect().top + window.scrollY)`,
    );
    for (let run = 0; run < WARMUP + RUNS; run++) {
      const before = await page.evaluate(shown);
      const start = performance.now();
      writeFileSync(yaml, original.replace(/^email:.*$/m, `email: bench-pdf-${run}@example.org`));
      await page.waitForFunction(`${shown} !== ${JSON.stringify(before)}`, undefined, {
        timeout: 30_000,
        polling: 'raf',
      });
      if (run >= WARMUP) samples.push(performance.now() - start);
    }
  } finally {
    await browser.close();
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    median_ms: Math.round(median(samples) * 10) / 10,
    runs: samples.length,
    samples_ms: samples.map((ms) => Math.round(ms * 10) / 10),
  };
}
