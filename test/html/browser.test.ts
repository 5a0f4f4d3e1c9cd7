/**
 * The standalone page in a real browser: Debian's Chromium driven by playwright-core, the page loaded
 * from file:// as a user would open it. Skips when no `chromium` is on PATH, and registers the skip for the
 * run's summary line (test/helpers/skips.ts); CI installs it (`apt-get install chromium fonts-liberation`).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cv } from '../../src/model/cv.js';
import { loadCv } from '../../src/pipeline/load-cv.js';
import { renderHtml } from '../../src/render/html/index.js';
import type { RenderOptions } from '../../src/render/shared/target.js';
import { pdfInfo } from '../helpers/pdf.js';
import { findProgram, registerSkip } from '../helpers/skips.js';
import { CORPUS_DIR, REPO_DIR, useTempDirs } from '../helpers/temp-dir.js';
import { publicationOf, TEST_CV_DIR } from '../helpers/test-cv.js';
import { hostileCv, hostileOptions, pageCv, pageOptions } from './page-cvs.js';

// The callbacks given to page.evaluate run in the browser. The project compiles without the DOM library, so
// the few browser globals they use are declared here, for this module only.
interface DomElement {
  readonly attributes: Iterable<{ readonly name: string }>;
  readonly id: string;
  readonly tabIndex: number;
  readonly parentElement: DomElement | null;
  readonly nextElementSibling: DomElement | null;
  readonly children: Iterable<DomElement>;
  closest(selector: string): DomElement | null;
  matches(selector: string): boolean;
  querySelectorAll(selector: string): Iterable<DomElement>;
  /** Rendered: not `display: none`, nor inside a closed `<details>` (content-visibility). */
  checkVisibility(): boolean;
  readonly tagName: string;
  readonly textContent: string | null;
  hidden: boolean;
  getAttribute(name: string): string | null;
  dispatchEvent(event: object): boolean;
  readonly classList: { contains(name: string): boolean };
  getBoundingClientRect(): {
    readonly top: number;
    readonly bottom: number;
    readonly left: number;
    readonly right: number;
    readonly width: number;
    readonly height: number;
  };
  setAttribute(name: string, value: string): void;
}
declare const document: {
  readonly documentElement: { readonly scrollWidth: number };
  readonly body: DomElement;
  readonly baseURI: string;
  readonly activeElement: DomElement | null;
  getElementById(id: string): DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement> & { readonly length: number };
};
declare const window: { readonly innerWidth: number };
declare const navigator: { readonly clipboard: { readText(): Promise<string> } };
declare const Navigator: { readonly prototype: object };
declare const Event: new (type: string, init?: { bubbles?: boolean }) => object;
declare function getComputedStyle(element: DomElement): {
  readonly backgroundColor: string;
  readonly display: string;
  readonly fontSize: string;
};
declare function matchMedia(query: string): { readonly matches: boolean };

const CHROMIUM = findProgram('chromium');
const HAS_CHROMIUM = CHROMIUM !== undefined;
if (!HAS_CHROMIUM) registerSkip('website in Chromium', 'apt-get install chromium fonts-liberation');
const CORPUS_YAML = path.join(CORPUS_DIR, 'cv.yaml');
const HAS_CORPUS = existsSync(CORPUS_YAML);
const UPDATE = process.env.VITA_UPDATE_GOLDENS === '1';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const skipNote = HAS_CHROMIUM ? '' : ' [SKIPPED: chromium not on PATH; apt-get install chromium]';
const corpusNote = HAS_CORPUS ? '' : ` [SKIPPED: ${CORPUS_YAML} not found (the shared corpus is absent)]`;

const tempDir = useTempDirs();
/** Screenshots kept as test artefacts (the folder is gitignored). */
const ARTEFACTS = path.join(REPO_DIR, 'test-results/website');

/** Writes the page (and the files it references) into a fresh folder; returns its file:// URL. */
function writeSite(cv: Cv, options: RenderOptions, extraFiles: Record<string, string> = {}): string {
  const dir = tempDir();
  const result = renderHtml(cv, options);
  for (const file of result.files) writeFileSync(path.join(dir, file.path), file.contents);
  for (const [name, contents] of Object.entries(extraFiles)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), contents);
  }
  return `file://${path.join(dir, options.htmlFileName)}`;
}

interface OpenPage {
  readonly page: Page;
  /** Console errors and uncaught exceptions. */
  readonly errors: string[];
  /** Every request whose URL is not file: or data:. */
  readonly external: string[];
  readonly dialogs: string[];
}

let browser: Browser | undefined;
let sampleUrl = '';
let hostileUrl = '';

async function open(url: string, options: BrowserContextOptions = {}): Promise<OpenPage> {
  if (browser === undefined) throw new Error('browser not started');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  const external: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    if (!/^(file|data):/.test(request.url())) external.push(request.url());
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors, external, dialogs };
}

/**
 * The text as shown (innerText): what CSS hides is left out, which is the point where it is used.
 * Runs in the browser.
 */
// biome-ignore lint/performance/useDomNodeTextContent: the shown text, not every text node
const renderedText = (el: unknown): string => (el as { innerText: string }).innerText;

/** Opens every abstract and BibTeX block (every `<details>`), so checks see the page in its longest state. */
async function expandAll(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.setAttribute('open', '');
  });
}

async function seriousAxeViolations(page: Page): Promise<string[]> {
  return (await axeViolations(page)).filter((v) => / \((serious|critical)\): /.test(v));
}

/** Every axe-core violation, of any impact, with WCAG 2.2's target size (24 px) checked too. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate(() =>
    (
      window as unknown as { axe: { run: (context: object, options: object) => Promise<AxeResults> } }
    ).axe.run(document, { rules: { 'target-size': { enabled: true } } }),
  );
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
  );
}

const noHorizontalScroll = async (page: Page) =>
  page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth }));

describe.skipIf(!HAS_CHROMIUM)(`standalone page in Chromium${skipNote}`, () => {
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM ?? 'chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    // The page refers to the publication image beside it, as the build copies it there.
    const cv = pageCv();
    const image = publicationOf(cv, 'markovic2024amortized').image ?? '';
    sampleUrl = writeSite(cv, pageOptions, {
      [image]: readFileSync(path.join(TEST_CV_DIR, image), 'utf8'),
    });
    hostileUrl = writeSite(hostileCv(), hostileOptions);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads from file:// with no console error and no request leaving the page', async () => {
    const { page, errors, external } = await open(sampleUrl);
    await expandAll(page);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    expect(await page.title()).toBe('Elena Marković — Curriculum Vitae');
    // The publication image is allowed by the CSP (img-src 'self') and loads from beside the page.
    const image = await page.$eval(
      'img.pub-image',
      (img) => (img as unknown as { naturalWidth: number }).naturalWidth,
    );
    expect(image).toBe(160);
    // The inline stylesheet applied (its CSP hash matched): the selected row has its highlight.
    const background = await page.evaluate(
      () =>
        getComputedStyle(document.getElementById('pub-markovic2024amortized') as DomElement).backgroundColor,
    );
    expect(background).toBe('rgb(255, 255, 208)');
    await page.context().close();
  });

  it('opens an abstract with a click, and again to close it', async () => {
    const { page, errors } = await open(sampleUrl);
    const summary = '#pub-markovic2024amortized details.abs > summary';
    expect(await page.isVisible('#abs-markovic2024amortized')).toBe(false);
    await page.click(summary);
    expect(await page.isVisible('#abs-markovic2024amortized')).toBe(true);
    expect(await page.textContent('#abs-markovic2024amortized')).toContain(
      'Single cells are measured once and destroyed.',
    );
    await page.click(summary);
    expect(await page.isVisible('#abs-markovic2024amortized')).toBe(false);
    // Other abstracts are untouched.
    expect(await page.isVisible('#abs-markovic2023meta')).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens an abstract from the keyboard with Enter and Space, and without JavaScript', async () => {
    const { page } = await open(sampleUrl);
    const summary = '#pub-markovic2023meta details.abs > summary';
    await page.focus(summary);
    await page.keyboard.press('Enter');
    expect(await page.isVisible('#abs-markovic2023meta')).toBe(true);
    await page.keyboard.press('Space');
    expect(await page.isVisible('#abs-markovic2023meta')).toBe(false);
    // Tab order reaches the toggles: in a row without co-author links, the stop after the title is the abstract.
    await page.focus('#pub-markovic2021thesis .pub-title a');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'abstract of Structured Prediction with Implicit Layers',
    );
    await page.context().close();
    const noScript = await open(sampleUrl, { javaScriptEnabled: false });
    await noScript.page.click('#pub-markovic2024amortized details.abs > summary');
    expect(await noScript.page.isVisible('#abs-markovic2024amortized')).toBe(true);
    await noScript.page.click('#pub-markovic2024amortized details.bib > summary');
    expect(await noScript.page.isVisible('#bib-markovic2024amortized')).toBe(true);
    await noScript.page.context().close();
  });

  it('shows the BibTeX entry and copies it with the Clipboard API', async () => {
    const { page, errors } = await open(sampleUrl);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    expect(await page.isVisible('#bib-markovic2024amortized')).toBe(false);
    await page.click('#pub-markovic2024amortized details.bib > summary');
    expect(await page.isVisible('#bib-markovic2024amortized')).toBe(true);
    const copy = '#pub-markovic2024amortized button[data-copy]';
    expect(await page.isVisible(copy)).toBe(true);
    await page.click(copy);
    await page.waitForFunction((s) => document.querySelector(s)?.textContent === 'copied', copy);
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    expect(clipboard).toBe(await page.textContent('#bib-markovic2024amortized'));
    // Clean BibTeX: no private field, no abstract, two spaces of indentation.
    expect(clipboard).toMatch(/^@inproceedings\{markovic2024amortized,\n {2}author = \{/);
    expect(clipboard).not.toMatch(/abstract|_venue|selected|codeurl/);
    const cite = '#pub-markovic2024amortized button[data-copy-text]';
    await page.click(cite);
    await page.waitForFunction((s) => document.querySelector(s)?.textContent === 'copied', cite);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'Priya Raman, Elena Marković, and Jonas Lindqvist. Amortized Optimal Transport for Single-Cell Trajectories. NeurIPS 2024. https://arxiv.org/abs/2401.00001',
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps the copy buttons hidden where the Clipboard API is missing', async () => {
    if (browser === undefined) throw new Error('browser not started');
    const context = await browser.newContext();
    await context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
    });
    const page = await context.newPage();
    await page.goto(sampleUrl);
    await page.click('#pub-markovic2024amortized details.bib > summary');
    expect(await page.isVisible('#bib-markovic2024amortized')).toBe(true);
    expect(await page.isVisible('#pub-markovic2024amortized button[data-copy]')).toBe(false);
    expect(await page.isVisible('#pub-markovic2024amortized button[data-copy-text]')).toBe(false);
    await context.close();
  });

  it('has no horizontal scroll at 375 px, closed and with everything open', async () => {
    for (const url of [sampleUrl, hostileUrl]) {
      const { page } = await open(url, { viewport: { width: 375, height: 812 } });
      expect(await noHorizontalScroll(page)).toEqual({ scrollWidth: 375, width: 375 });
      await expandAll(page);
      expect(await noHorizontalScroll(page)).toEqual({ scrollWidth: 375, width: 375 });
      await page.context().close();
    }
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe-core violations (${colorScheme} scheme, everything open)`, async () => {
      // axe is injected as an inline script, which the page's own CSP would refuse.
      const { page } = await open(sampleUrl, { colorScheme, bypassCSP: true });
      await page.emulateMedia({ colorScheme });
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
        colorScheme === 'dark',
      );
      expect(await seriousAxeViolations(page)).toEqual([]);
      await expandAll(page);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.context().close();
    });
  }

  it('uses the dark palette under prefers-color-scheme: dark', async () => {
    const { page } = await open(sampleUrl, { colorScheme: 'dark' });
    const colours = await page.evaluate(() => ({
      body: getComputedStyle(document.body).backgroundColor,
      selected: getComputedStyle(document.getElementById('pub-markovic2024amortized') as DomElement)
        .backgroundColor,
    }));
    expect(colours).toEqual({ body: 'rgb(18, 21, 24)', selected: 'rgb(44, 42, 22)' });
    await page.context().close();
  });

  it('hides navigation and controls when printing', async () => {
    const { page } = await open(sampleUrl);
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() =>
      ['nav.toc', 'details.abs', 'details.bib'].map(
        (s) => getComputedStyle(document.querySelector(s) as DomElement).display,
      ),
    );
    expect(shown).toEqual(['none', 'none', 'none']);
    await page.context().close();
  });

  it('keeps hostile data inert, even with the CSP switched off', async () => {
    // Without the CSP, an injected handler or script would run: only the escaping protects this page.
    const { page, dialogs, external } = await open(hostileUrl, { bypassCSP: true });
    await expandAll(page);
    const found = await page.evaluate(() => {
      const elements = [...document.querySelectorAll('*')];
      for (const el of elements) {
        for (const type of ['mouseover', 'mouseenter', 'focus', 'click', 'error', 'load']) {
          if (el.tagName === 'A' && type === 'click') continue; // links would navigate away
          el.dispatchEvent(new Event(type, { bubbles: false }));
        }
      }
      return {
        handlers: elements.flatMap((el) =>
          [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name),
        ),
        scripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('type') ?? 'classic'),
        injected: document.querySelectorAll('img, iframe, object, embed, math, form, base').length,
        styles: document.querySelectorAll('style').length,
        svgOtherThanIcons: document.querySelectorAll('svg:not(.icon)').length,
        protocols: [...document.querySelectorAll('[href]')].map(
          (el) => new URL(el.getAttribute('href') ?? '', document.baseURI).protocol,
        ),
        javascriptText: [...document.querySelectorAll('[href], [src]')].filter((el) =>
          /javascript:/i.test(el.getAttribute('href') ?? el.getAttribute('src') ?? ''),
        ).length,
      };
    });
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(external).toEqual([]);
    expect(found.handlers).toEqual([]);
    expect(found.scripts).toEqual(['application/ld+json', 'classic']);
    expect(found.injected).toBe(0);
    expect(found.styles).toBe(1);
    expect(found.svgOtherThanIcons).toBe(0);
    for (const protocol of found.protocols)
      expect(['https:', 'file:', 'data:', 'mailto:']).toContain(protocol);
    expect(found.javascriptText).toBe(0);
    // The injected strings are on the page as text.
    expect(await page.textContent('h1')).toBe('Eve <script>alert(1)</script></title>');
    await page.context().close();
  });

  it(`renders the corpus CV (${CORPUS_YAML}) cleanly${corpusNote}`, async (ctx) => {
    if (!HAS_CORPUS) ctx.skip();
    const loaded = loadCv([CORPUS_YAML]);
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
    if (loaded.cv === undefined) throw new Error('corpus did not load');
    const cv = loaded.cv;
    const corpusUrl = writeSite(cv, pageOptions);
    const desktop = await open(corpusUrl, { bypassCSP: false });
    expect(desktop.errors).toEqual([]);
    expect(desktop.external).toEqual([]);
    const ids = await desktop.page.$$eval('main > section', (sections) => sections.map((s) => s.id));
    expect(ids).toEqual(cv.layouts.web.flatMap((e) => (e.kind === 'section' ? [e.key] : [])));
    await desktop.page.context().close();
    const phone = await open(corpusUrl, { viewport: { width: 375, height: 812 } });
    await expandAll(phone.page);
    expect(await noHorizontalScroll(phone.page)).toEqual({ scrollWidth: 375, width: 375 });
    await phone.page.context().close();
    for (const colorScheme of ['light', 'dark'] as const) {
      const checked = await open(corpusUrl, { colorScheme, bypassCSP: true });
      expect(await seriousAxeViolations(checked.page), colorScheme).toEqual([]);
      await checked.page.context().close();
    }
  });

  it(`has no axe-core violation at all with every panel open: example and corpus, light, dark and phone${corpusNote}`, async () => {
    const views = [
      { name: 'light', options: { colorScheme: 'light' as const } },
      { name: 'dark', options: { colorScheme: 'dark' as const } },
      {
        name: 'phone',
        options: { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true },
      },
    ];
    const urls: [string, string][] = [['example', sampleUrl]];
    if (HAS_CORPUS) {
      const loaded = loadCv([CORPUS_YAML]);
      if (loaded.cv === undefined) throw new Error('corpus did not load');
      urls.push(['corpus', writeSite(loaded.cv, pageOptions)]);
    }
    mkdirSync(ARTEFACTS, { recursive: true });
    for (const [cvName, url] of urls) {
      for (const view of views) {
        const { page } = await open(url, { ...view.options, bypassCSP: true });
        await expandAll(page);
        expect(await axeViolations(page), `${cvName}, ${view.name}`).toEqual([]);
        // Every chip (abstract, BibTeX, links, copy) is a target of at least 24 x 24 px.
        const small = await page.$$eval(
          '.chip',
          (chips) =>
            chips
              .map((c) => c.getBoundingClientRect())
              .filter((r) => r.width > 0 && (r.width < 24 || r.height < 24)).length,
        );
        expect(small, `${cvName}, ${view.name}: chips smaller than 24 px`).toBe(0);
        // The first paper with its panels open, as the screenshot shows.
        await page.$eval('li.pub', (row) => (row as unknown as { scrollIntoView(): void }).scrollIntoView());
        await page.screenshot({ path: path.join(ARTEFACTS, `${cvName}-${view.name}-open.png`) });
        await page.context().close();
      }
    }
  });

  const visibleRows = (page: Page) =>
    page.$$eval('li.pub', (rows) => rows.filter((r) => (r as unknown as DomElement).hidden === false).length);

  /** What the page search looks at, one unit each (as in the script, written again here as the oracle). */
  const UNITS = 'main li.pub, main li.entry, main .skills > div, main .inline-list > li, main .about';

  /**
   * The page as the search left it, checked against what the words ask: a unit is shown when its text has
   * every word (case and accents ignored), a section when one of its units is, a line of the navigation and a
   * group heading with what they stand for. Returns the ids of the sections shown and the counts.
   */
  async function searchedView(page: Page, typed: string) {
    return page.evaluate(
      ([selector, text]) => {
        const fold = (s: string) =>
          s
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .toLowerCase();
        const words = fold(text).split(/\s+/).filter(Boolean);
        const units = [...document.querySelectorAll(selector)];
        const textOf = (unit: DomElement) =>
          fold(
            unit.matches('li.pub')
              ? [
                  unit.getAttribute('data-year') ?? '',
                  ...[...unit.querySelectorAll('.pub-title, .pub-authors, .pub-venue')].map(
                    (e) => e.textContent,
                  ),
                ].join(' ')
              : (unit.textContent ?? ''),
          );
        const wrong = units
          .filter((u) => u.hidden === words.every((w) => textOf(u).includes(w)))
          .map((u) => `${u.hidden ? 'hidden' : 'shown'}: ${(u.textContent ?? '').trim().slice(0, 60)}`);
        const sections = [...document.querySelectorAll('main > section')];
        for (const section of sections) {
          const any = [...section.querySelectorAll(selector.replace(/main /g, ''))].some((u) => !u.hidden);
          if (section.hidden === any && words.length > 0) wrong.push(`section ${section.id}`);
          const line = document.querySelector(`nav.toc a[href="#${section.id}"]`)?.parentElement;
          if (line && line.hidden !== section.hidden) wrong.push(`navigation line of ${section.id}`);
        }
        for (const heading of document.querySelectorAll('main .group-heading')) {
          const items = [...(heading.nextElementSibling?.children ?? [])];
          if (heading.hidden !== items.every((i) => i.hidden)) wrong.push(`heading ${heading.textContent}`);
        }
        return {
          wrong,
          shown: units.filter((u) => !u.hidden).length,
          units: units.length,
          sections: sections.filter((s) => !s.hidden).map((s) => s.id),
          count: document.getElementById('page-count')?.textContent ?? '',
        };
      },
      [UNITS, typed] as const,
    );
  }

  it('searches every section of the page as you type, keyboard only, with the state in the URL', async () => {
    const { page, errors } = await open(sampleUrl);
    expect(await page.isVisible('#page-search')).toBe(true);
    expect(await page.textContent('#page-count')).toBe('');
    // `/` focuses the box; the words are looked for in every section, accents and case ignored.
    await page.focus('h1');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('id'))).toBe('page-q');
    await page.keyboard.type('zurich');
    const zurich = await searchedView(page, 'zurich');
    expect(zurich.wrong).toEqual([]);
    // The about text (ETH Zürich) and the education entry, among others; no news.
    expect(zurich.sections).toEqual(expect.arrayContaining(['about', 'education']));
    expect(zurich.sections).not.toContain('news');
    expect(await page.isVisible('#education li.entry >> text=University of Belgrade')).toBe(false);
    expect(zurich.count).toBe(
      `${zurich.shown} of ${zurich.units} entries shown in ${zurich.sections.length} sections`,
    );
    expect(await page.isVisible('nav.toc a[href="#education"]')).toBe(true);
    expect(await page.isVisible('nav.toc a[href="#news"]')).toBe(false);
    expect(new URL(page.url()).searchParams.get('q')).toBe('zurich');
    mkdirSync(ARTEFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTEFACTS, 'example-searched.png') });
    // Keyboard only: the next stops are the clear button, then the first link of what is shown.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('id'))).toBe('page-reset');
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => {
        const section = document.activeElement?.closest('main > section');
        return section ? `${section.id} ${section.hidden}` : 'outside';
      }),
    ).toBe('about false');
    // Group headings and the entries of other section types: a service group, a course, a skill.
    for (const [typed, sections] of [
      ['admissions', ['service']],
      ['stochastic', ['coursework']],
      ['julia', ['skills']],
      ['optimal transport', undefined],
    ] as const) {
      await page.fill('#page-q', typed);
      const view = await searchedView(page, typed);
      expect(view.wrong, typed).toEqual([]);
      expect(view.shown, typed).toBeGreaterThan(0);
      if (sections) expect(view.sections, typed).toEqual(sections);
    }
    // Across sections: papers, talks, courses, positions...
    const across = await searchedView(page, 'optimal transport');
    expect(across.sections.length).toBeGreaterThan(3);
    expect(across.count).toBe(
      `${across.shown} of ${across.units} entries shown in ${across.sections.length} sections`,
    );
    expect(await page.isVisible('#service .group-heading >> text=Reviewer')).toBe(false);
    // The shared address opens on the same view.
    const shared = page.url();
    expect(new URL(shared).search).toBe('?q=optimal+transport');
    const again = await open(shared);
    expect(await again.page.inputValue('#page-q')).toBe('optimal transport');
    expect(await searchedView(again.page, 'optimal transport')).toEqual(across);
    await again.page.context().close();
    // Nothing matches: said, and every section hidden (and the navigation with them).
    await page.fill('#page-q', 'zzqx');
    const none = await searchedView(page, 'zzqx');
    expect(none.sections).toEqual([]);
    expect(none.count).toBe('Nothing on this page matches “zzqx”.');
    expect(await page.isVisible('nav.toc')).toBe(false);
    // Escape empties the box: everything is back, the address too.
    await page.focus('#page-q');
    await page.keyboard.press('Escape');
    const all = await searchedView(page, '');
    expect(all.shown).toBe(all.units);
    expect(all.sections.length).toBe(await page.$$eval('main > section', (s) => s.length));
    expect(await page.textContent('#page-count')).toBe('');
    expect(new URL(page.url()).search).toBe('');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('filters publications as you type, by facets, from the keyboard, with the state in the URL', async () => {
    const { page, errors } = await open(sampleUrl);
    const total = await page.$$eval('li.pub', (rows) => rows.length);
    expect(await page.isVisible('#pub-filter')).toBe(true);
    expect(await page.textContent('#pub-count')).toBe(`${total} publications`);
    // The page's box narrows the papers too: title, authors, venue and year.
    await page.focus('h1');
    await page.keyboard.press('/');
    await page.keyboard.type('markovic amortized');
    expect(await visibleRows(page)).toBe(1);
    expect(await page.textContent('#pub-count')).toBe(`1 of ${total} publications shown`);
    // The words change the page's count, which is the one announced; the menus' changes, the papers'.
    expect(await page.getAttribute('#pub-count', 'aria-live')).toBe('off');
    expect(await page.isVisible('#pub-markovic2024amortized')).toBe(true);
    expect((await searchedView(page, 'markovic amortized')).wrong).toEqual([]);
    // Year groups and lists with nothing left are hidden, and the links to their years.
    expect(await page.isVisible('#all_publications-2023')).toBe(false);
    expect(await page.isVisible('.pub-years a[href="#all_publications-2023"]')).toBe(false);
    expect(await page.isVisible('.pub-years a[href="#all_publications-2024"]')).toBe(true);
    expect(new URL(page.url()).searchParams.get('q')).toBe('markovic amortized');
    mkdirSync(ARTEFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTEFACTS, 'example-filtered.png') });
    await page.keyboard.press('Escape');
    expect(await visibleRows(page)).toBe(total);
    // Facets: year, then selected only; they narrow the papers only, and the page's count says so.
    await page.selectOption('#pub-year', '2024');
    expect(await page.getAttribute('#pub-count', 'aria-live')).toBe('polite');
    const in2024 = await visibleRows(page);
    expect(in2024).toBeGreaterThan(1);
    await page.check('#pub-selected');
    expect(await visibleRows(page)).toBeLessThan(in2024);
    expect(
      await page.$$eval('li.pub:not([hidden])', (rows) =>
        rows.every((r) => r.classList.contains('selected')),
      ),
    ).toBe(true);
    expect(await page.isVisible('#education li.entry')).toBe(true);
    const units = await page.$$eval(UNITS, (u) => u.length);
    const sections = await page.$$eval('main > section', (s) => s.length);
    expect(await page.textContent('#page-count')).toBe(
      `${units - total + (await visibleRows(page))} of ${units} entries shown in ${sections} sections`,
    );
    const shared = page.url();
    expect(new URL(shared).search).toBe('?year=2024&selected=1');
    await page.context().close();
    // The shared URL opens on the same view.
    const again = await open(shared);
    expect(await again.page.inputValue('#pub-year')).toBe('2024');
    expect(await again.page.isChecked('#pub-selected')).toBe(true);
    expect(await visibleRows(again.page)).toBeLessThan(in2024);
    await again.page.click('#pub-reset');
    expect(await visibleRows(again.page)).toBe(total);
    expect(new URL(again.page.url()).search).toBe('');
    await again.page.context().close();
    expect(errors).toEqual([]);
  });

  it('has no axe-core violation with the search and the menus active (light and dark)', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await open(`${sampleUrl}?q=optimal+transport&year=2024`, {
        colorScheme,
        bypassCSP: true,
      });
      expect((await searchedView(page, 'optimal transport')).sections.length).toBeGreaterThan(1);
      expect(await page.textContent('#page-count')).toMatch(/^\d+ of \d+ entries shown in \d+ sections$/);
      expect(await axeViolations(page), colorScheme).toEqual([]);
      await page.fill('#page-q', 'zzqx');
      expect(await axeViolations(page), `${colorScheme}, nothing matches`).toEqual([]);
      await page.context().close();
    }
  });

  it('shows every entry and no search or filter without JavaScript', async () => {
    const { page } = await open(`${sampleUrl}?q=zurich`, { javaScriptEnabled: false });
    expect(await page.isVisible('#page-search')).toBe(false);
    expect(await page.isVisible('#pub-filter')).toBe(false);
    expect(await visibleRows(page)).toBe(await page.$$eval('li.pub', (rows) => rows.length));
    expect(await page.$$eval(UNITS, (units) => units.filter((u) => u.hidden).length)).toBe(0);
    await page.context().close();
  });

  /**
   * The Tab stops of the page as shown: focusable, rendered, not taken out of the order; and the co-author
   * links among them (each shown co-author page should be one stop, however often it is linked).
   */
  const tabStops = (page: Page) =>
    page.evaluate(() => {
      const focusable = [
        ...document.querySelectorAll('a[href], button, summary, input, select, textarea, [tabindex]'),
      ].filter((e) => e.checkVisibility() && e.getAttribute('disabled') === null);
      const stops = focusable.filter((e) => e.tabIndex >= 0);
      const authors = focusable.filter((e) => e.matches('.pub-authors a[href]'));
      const authorStops = new Map<string, number>();
      for (const link of authors) {
        const href = link.getAttribute('href') ?? '';
        authorStops.set(href, (authorStops.get(href) ?? 0) + (link.tabIndex >= 0 ? 1 : 0));
      }
      return {
        stops: stops.length,
        // What the page had before a repeated co-author link stopped being a stop: every shown link one.
        everyLinkAStop: focusable.filter((e) => e.tabIndex >= 0 || e.matches('.pub-authors a[href]')).length,
        authorLinks: authors.length,
        coauthors: authorStops.size,
        notOneStop: [...authorStops].filter(([, n]) => n !== 1).map(([href]) => href),
      };
    });

  /** The stops met pressing Tab from the top until the focus leaves the page. */
  async function pressTabThrough(page: Page, limit: number): Promise<number> {
    await page.focus('body');
    const seen = new Set<string>();
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return '';
        return `${[...document.querySelectorAll('*')].indexOf(el)}`;
      });
      if (at === '' || seen.has(at)) break;
      seen.add(at);
    }
    return seen.size;
  }

  it(`keeps one Tab stop per co-author, and each section one TOC link away: example and corpus${corpusNote}`, async () => {
    const urls: [string, string][] = [['example', sampleUrl]];
    if (HAS_CORPUS) {
      const loaded = loadCv([CORPUS_YAML]);
      if (loaded.cv === undefined) throw new Error('corpus did not load');
      urls.push(['corpus', writeSite(loaded.cv, pageOptions)]);
    }
    const seed = loadCv([path.join(REPO_DIR, 'examples/seed/cv.yaml')]);
    if (seed.cv === undefined) throw new Error('examples/seed did not load');
    urls.push(['examples/seed', writeSite(seed.cv, pageOptions)]);
    const measured: Record<string, unknown> = {};
    for (const [name, url] of urls) {
      const { page, errors } = await open(url);
      const stops = await tabStops(page);
      expect(stops.notOneStop, name).toEqual([]);
      // The count is the browser's: pressing Tab meets as many stops (checked where it is quick).
      if (stops.stops < 200) expect(await pressTabThrough(page, 400), name).toBe(stops.stops);
      // A long author list expanded, then folded again: still one stop per co-author shown.
      if ((await page.$('button.more-authors')) !== null) {
        await page.click('button.more-authors');
        expect((await tabStops(page)).notOneStop, `${name}, authors expanded`).toEqual([]);
        await page.click('button.more-authors');
        expect((await tabStops(page)).notOneStop, `${name}, authors folded`).toEqual([]);
      }
      // Searching narrows the stops to the matches, and a co-author whose first link is hidden keeps one stop.
      await page.fill('#page-q', name === 'corpus' ? 'kolter' : 'optimal transport');
      const searched = await tabStops(page);
      expect(searched.notOneStop, name).toEqual([]);
      expect(searched.stops, name).toBeLessThan(stops.stops);
      // The navigation skips to a section: Enter on its link, and the next Tab is in that section (the last
      // section with a link in it).
      const last = await page.$$eval(
        'main > section',
        (s) => s.filter((section) => section.querySelector('a[href]')).pop()?.id ?? '',
      );
      await page.fill('#page-q', '');
      await page.focus(`nav.toc a[href="#${last}"]`);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(() => document.activeElement?.closest('main > section')?.id ?? 'outside'),
        name,
      ).toBe(last);
      const beforeToc = await page.evaluate((id) => {
        const all = [
          ...document.querySelectorAll('a[href], button, summary, input, select, textarea, [tabindex]'),
        ].filter((e) => e.tabIndex >= 0 && e.checkVisibility());
        return all.indexOf(document.querySelector(`nav.toc a[href="#${id}"]`) as DomElement) + 1;
      }, last);
      measured[name] = { ...stops, searched: searched.stops, tabsToLastSectionThroughToc: beforeToc + 2 };
      expect(errors, name).toEqual([]);
      await page.context().close();
    }
    mkdirSync(ARTEFACTS, { recursive: true });
    writeFileSync(path.join(ARTEFACTS, 'tab-stops.json'), `${JSON.stringify(measured, null, 2)}\n`);
    console.info(`Tab stops: ${JSON.stringify(measured)}`);
    if (HAS_CORPUS) {
      const corpus = measured.corpus as { stops: number; everyLinkAStop: number };
      expect(corpus.stops).toBeLessThan(corpus.everyLinkAStop);
    }
  });

  it(`filters the corpus by author with an accent, and stays axe-clean filtered${corpusNote}`, async (ctx) => {
    if (!HAS_CORPUS) ctx.skip();
    const loaded = loadCv([CORPUS_YAML]);
    if (loaded.cv === undefined) throw new Error('corpus did not load');
    const url = writeSite(loaded.cv, pageOptions);
    const { page, errors } = await open(`${url}?q=irfan`, { bypassCSP: true });
    const shown = await visibleRows(page);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(10);
    const authors = await page.$$eval('li.pub:not([hidden]) .pub-authors', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    expect(authors.every((a) => a.includes('İrfan'))).toBe(true);
    mkdirSync(ARTEFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTEFACTS, 'corpus-filtered.png') });
    expect(await axeViolations(page)).toEqual([]);
    // Jumping to a year from the year links.
    await page.click('#page-reset');
    await page.click('.pub-years a[href="#all_publications-2020"]');
    expect(new URL(page.url()).hash).toBe('#all_publications-2020');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps the table of contents in view on wide screens, beside the text', async () => {
    const { page } = await open(sampleUrl, { viewport: { width: 1280, height: 900 } });
    await page.evaluate(() =>
      (window as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 3000),
    );
    const box = await page.evaluate(() => {
      const nav = (document.querySelector('nav.toc') as DomElement).getBoundingClientRect();
      const main = (document.querySelector('main') as DomElement).getBoundingClientRect();
      return { top: nav.top, bottom: nav.bottom, right: nav.right, mainLeft: main.left };
    });
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(900);
    expect(box.right).toBeLessThanOrEqual(box.mainLeft);
    await page.screenshot({ path: path.join(ARTEFACTS, 'example-wide-scrolled.png') });
    await page.context().close();
    // Narrower: in the flow under the header, scrolled away with the page.
    const narrow = await open(sampleUrl, { viewport: { width: 1000, height: 900 } });
    await narrow.page.evaluate(() =>
      (window as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 3000),
    );
    expect(await narrow.page.$eval('nav.toc', (nav) => nav.getBoundingClientRect().bottom)).toBeLessThan(0);
    await narrow.page.context().close();
  });

  it(`shortens a long author list, owner shown, and expands it${corpusNote}`, async (ctx) => {
    if (!HAS_CORPUS) ctx.skip();
    const loaded = loadCv([CORPUS_YAML]);
    if (loaded.cv === undefined) throw new Error('corpus did not load');
    const { page, errors } = await open(writeSite(loaded.cv, pageOptions));
    const authors = '#pub-zhang2026cultivating .pub-authors';
    const shown = () => page.$eval(authors, renderedText);
    const short = await shown();
    expect(short).toContain('Brandon Amos');
    expect(short).not.toContain('Maximilian Nickel');
    const button = `${authors} button.more-authors`;
    expect(await page.textContent(button)).toBe('and 9 more');
    expect(await page.getAttribute(button, 'aria-expanded')).toBe('false');
    await page.focus(button);
    await page.keyboard.press('Enter');
    expect(await shown()).toContain('Maximilian Nickel');
    expect(await page.getAttribute(button, 'aria-expanded')).toBe('true');
    expect(await page.textContent(button)).toBe('show fewer');
    mkdirSync(ARTEFACTS, { recursive: true });
    await page.$eval('#pub-zhang2026cultivating', (row) =>
      (row as unknown as { scrollIntoView(): void }).scrollIntoView(),
    );
    await page.screenshot({ path: path.join(ARTEFACTS, 'corpus-authors-expanded.png') });
    // Without JavaScript the list is whole and there is no button.
    const noScript = await open(page.url(), { javaScriptEnabled: false });
    expect(await noScript.page.isVisible(button)).toBe(false);
    expect(await noScript.page.$eval(authors, renderedText)).toContain('Maximilian Nickel');
    await noScript.page.context().close();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it(`prints with the PDF's hierarchy, link addresses, whole author lists, in few pages${corpusNote}`, async (ctx) => {
    if (!HAS_CORPUS) ctx.skip();
    const loaded = loadCv([CORPUS_YAML]);
    if (loaded.cv === undefined) throw new Error('corpus did not load');
    const { page } = await open(writeSite(loaded.cv, pageOptions));
    await page.emulateMedia({ media: 'print' });
    const sizes = await page.evaluate(() => {
      const size = (s: string) =>
        Number.parseFloat(getComputedStyle(document.querySelector(s) as DomElement).fontSize);
      return { title: size('.pub-title'), authors: size('.pub-authors'), venue: size('.pub-venue') };
    });
    expect(sizes.title).toBeGreaterThan(sizes.authors);
    expect(sizes.authors).toBeGreaterThan(sizes.venue);
    const code = await page.$eval(
      '#pub-paulus2025safetyalignmentlmsnoncooperative a.chip',
      (a) =>
        (getComputedStyle as unknown as (e: unknown, p: string) => { content: string })(a, '::after').content,
    );
    expect(code).toBe('" https://github.com/facebookresearch/advgame"');
    const whole = await page.$eval('#pub-zhang2026cultivating .pub-authors', renderedText);
    expect(whole).toContain('Maximilian Nickel');
    const pdf = await page.pdf({ format: 'Letter' });
    mkdirSync(ARTEFACTS, { recursive: true });
    writeFileSync(path.join(ARTEFACTS, 'corpus-print.pdf'), pdf);
    const { pages } = await pdfInfo(new Uint8Array(pdf));
    // The PDF target gives about 10 pages for this CV; the printed page was 17 before its print stylesheet, 11 now.
    expect(pages).toBeLessThanOrEqual(11);
    await page.context().close();
  });

  // Defined only when updating, so an ordinary run has no skipped test (CI fails on any).
  const itWhenUpdating = UPDATE ? it : () => undefined;
  itWhenUpdating('writes docs/images/website-desktop.png and website-phone.png', async () => {
    const images = path.join(REPO_DIR, 'docs/images');
    mkdirSync(images, { recursive: true });
    const desktop = await open(sampleUrl, { viewport: { width: 1280, height: 1500 }, colorScheme: 'light' });
    await desktop.page.click('#pub-markovic2024amortized details.abs > summary');
    await desktop.page.screenshot({ path: path.join(images, 'website-desktop.png') });
    await desktop.page.context().close();
    const phone = await open(sampleUrl, {
      viewport: { width: 375, height: 1400 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      colorScheme: 'light',
    });
    await phone.page.screenshot({ path: path.join(images, 'website-phone.png') });
    await phone.page.context().close();
  });
});
