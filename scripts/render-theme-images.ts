/**
 * Page 1 of the corpus (test/fixtures/bamos-cv) in every built-in theme, as docs/images/theme-<name>.png
 * for the README and docs/themes.md. Typst renders the page to SVG (the same compiler, fonts and data as
 * the PDF), and Chromium (playwright-core, /usr/bin/chromium) turns the SVG into a PNG: no poppler needed.
 *
 *   npx vite-node scripts/render-theme-images.ts [theme ...] [--cv other/cv.yaml --out folder]
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Cv } from '../src/model/cv.js';
import { loadCv } from '../src/pipeline/load-cv.js';
import { bundledFontFiles } from '../src/render/typst/fonts.js';
import {
  BUILTIN_THEMES,
  DATA_FILE,
  LIB_FILE,
  MAIN_FILE,
  MAIN_SOURCE,
  THEME_FILE,
} from '../src/render/typst/index.js';
import { builtinThemeFile, loadLibrary } from '../src/render/typst/themes.js';
import { cvToTypstData } from '../src/render/typst/to-data.js';

const require = createRequire(import.meta.url);
const { NodeCompiler } =
  require('@myriaddreamin/typst-ts-node-compiler') as typeof import('@myriaddreamin/typst-ts-node-compiler');

const repo = fileURLToPath(new URL('..', import.meta.url));
const imagesDir = path.join(repo, 'docs/images');
const NOW = new Date('2026-11-25T00:00:00Z');
/** Pixels per PDF point in the picture: 612 pt wide letter paper becomes 918 px. */
const SCALE = 1.5;

/** `--cv` and `--out` (to look at another CV in every theme), then the theme names asked for. */
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  if (at === -1) return undefined;
  const [, value] = args.splice(at, 2);
  return value;
};
const cvFile = path.resolve(option('--cv') ?? path.join(repo, 'test/fixtures/bamos-cv/cv.yaml'));
const outDir = path.resolve(option('--out') ?? imagesDir);

function corpus(): Cv {
  const { cv, diagnostics } = loadCv([cvFile]);
  if (!cv) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return cv;
}

/** Page 1 of the CV in a theme, as SVG, with the page's size in points. */
function firstPageSvg(
  cv: Cv,
  theme: (typeof BUILTIN_THEMES)[number],
): { svg: string; width: number; height: number } {
  const root = path.join(tmpdir(), 'vita-theme-images');
  const compiler = NodeCompiler.create({
    workspace: root,
    fontArgs: [{ fontPaths: [...bundledFontFiles()] }],
  });
  const themed: Cv = { ...cv, print: { ...cv.print, theme: { kind: 'builtin', name: theme } } };
  const { data } = cvToTypstData(themed, NOW);
  compiler.addSource(path.join(root, MAIN_FILE), MAIN_SOURCE);
  compiler.mapShadow(path.join(root, DATA_FILE), Buffer.from(JSON.stringify(data)));
  compiler.addSource(path.join(root, THEME_FILE), readFileSync(builtinThemeFile(theme), 'utf8'));
  compiler.addSource(path.join(root, LIB_FILE), loadLibrary());
  const result = compiler.compile({ mainFilePath: path.join(root, MAIN_FILE) });
  const doc = result.result;
  if (doc === null) throw new Error(`theme ${theme} failed to compile`);
  const svg = compiler.svg(doc);
  const width = data.style.paper === 'a4' ? 595.28 : 612;
  const height = data.style.paper === 'a4' ? 841.89 : 792;
  return { svg, width, height };
}

const executablePath = '/usr/bin/chromium';
if (!existsSync(executablePath))
  throw new Error('needs Chromium at /usr/bin/chromium (apt-get install chromium)');
const browser = await chromium.launch({ executablePath });
try {
  const cv = corpus();
  // `npx vite-node scripts/render-theme-images.ts classic` renders one theme; no name renders all.
  const asked = args;
  for (const theme of BUILTIN_THEMES.filter((t) => asked.length === 0 || asked.includes(t))) {
    const { svg, width, height } = firstPageSvg(cv, theme);
    const page = await browser.newPage({
      viewport: { width: Math.round(width), height: Math.round(height) },
      deviceScaleFactor: SCALE,
    });
    // The SVG holds every page, one under the other, at 1 px per point: the viewport shows page 1.
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:#fff}svg{display:block;width:${width}px;height:auto}</style>${svg}`,
    );
    const out = path.join(outDir, `theme-${theme}.png`);
    await page.screenshot({ path: out, clip: { x: 0, y: 0, width, height } });
    await page.close();
    console.log(path.relative(repo, out));
  }
} finally {
  await browser.close();
}
