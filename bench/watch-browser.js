/**
 * Benchmark of watch mode as the user sees it: from saving a one-line edit of the corpus (a temporary copy)
 * to the edit shown in the page's DOM in Chromium (Debian's, through playwright-core): file system
 * notification, quiet period, rebuild, reload event, page load. Run after `npm run build`:
 *
 *   import { benchWatchBrowser } from './watch-browser.js';
 *   const r = await benchWatchBrowser('test/fixtures/bamos-cv/cv.yaml'); // undefined without chromium
 *
 * The page is measured with the web targets only (html, json): the watch server runs in this process, and so
 * does the playwright client that polls the DOM, so with the PDF in the targets the poll waits for the
 * in-process Typst compile that follows the page (250-320 ms measured, while a separate `vita watch` process
 * has already sent the page). `benchWatchBrowserPdf` measures the PDF preview
 * (`/__vita/pdf`): from the save until the preview's frame has received the new `cv.pdf` in full, and until
 * Chromium's PDF viewer, which starts anew in the frame after each navigation, has fetched it again for
 * itself (it draws the pages after that; headless Chromium gives no event for the drawing).
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

/** `promise`, or a rejection with `message` after `ms` (the timer is cleared either way). */
async function within(promise, ms, message) {
  let timer;
  try {
    return await Promise.race([
      promise,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

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

/** Save to the new `cv.pdf` received by the frame of `/__vita/pdf`, all targets but the PDF's LaTeX twin. */
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
  const samples = [];
  const viewerSamples = [];
  try {
    if (!handle.lastBuild().ok) throw new Error(`the first build of ${source} failed`);
    const page = await browser.newPage();
    await page.goto(handle.pdfUrl);
    await connected(handle);
    // The frame navigates to `cv.pdf?build=N`; Chromium's PDF viewer then starts in a frame of its own and
    // fetches the same URL again before it draws. Only a build after the last one counted starts a sample's
    // end (any `build=` once ended a sample on the previous build's second fetch), and the next save waits
    // for the viewer's fetch, which ends the second measure.
    const buildOf = (request) => Number(/\/cv\.pdf\?build=(\d+)$/.exec(request.url())?.[1] ?? 0);
    let lastBuild = 0;
    for (let run = 0; run < WARMUP + RUNS; run++) {
      const start = performance.now();
      const fetched = [];
      let onFinished;
      let viewerWait;
      const received = new Promise((resolve) => {
        onFinished = (request) => {
          const build = buildOf(request);
          if (build <= lastBuild) return;
          fetched.push(performance.now() - start);
          // A Chromium whose viewer does not fetch again ends the sample 5 s after the frame's fetch.
          if (fetched.length === 1) viewerWait = setTimeout(() => resolve(build), 5000);
          else resolve(build);
        };
        page.on('requestfinished', onFinished);
      });
      writeFileSync(yaml, original.replace(/^email:.*$/m, `email: bench-pdf-${run}@example.org`));
      try {
        lastBuild = await within(received, 30_000, 'no new cv.pdf within 30 s');
      } finally {
        clearTimeout(viewerWait);
        page.off('requestfinished', onFinished);
      }
      if (run >= WARMUP) {
        samples.push(fetched[0]);
        if (fetched.length > 1) viewerSamples.push(fetched[1]);
      }
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
    /** Save to the end of the PDF viewer's own fetch of the new file (it draws after that); none if it made none. */
    viewer_median_ms: viewerSamples.length === 0 ? undefined : Math.round(median(viewerSamples) * 10) / 10,
    viewer_samples_ms: viewerSamples.map((ms) => Math.round(ms * 10) / 10),
  };
}
