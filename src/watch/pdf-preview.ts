/**
 * The PDF preview of watch mode (`/__vita/pdf`): the pages of `cv.pdf` drawn by PDF.js into canvases, kept
 * in place across builds. The live-reload client (live-reload.ts) announces each new `cv.pdf` with a
 * `vita:pdf` event on the `#vita-pdf` element (and its `data-build` attribute, for an event sent before this
 * script ran); the preview then loads the new file, draws the pages in view off screen, and swaps them in
 * at once: the scroll position stays and nothing blinks. Pages out of view are drawn when they come into
 * it; canvases far out of view are dropped. The text of each drawn page lies over its picture, invisible
 * (PDF.js's text layer): it can be selected and copied, and the browser's find searches it. The PDF's web
 * links (http, https, mailto) lie over both, opening in a new tab. When the drawing is done,
 * `data-vita-pdf-build` of the root element names the build shown (tests and bench/watch-browser.js wait
 * for it).
 *
 * Why not the browser's own viewer in a frame (the fallback when PDF.js is not installed, see
 * pdf-viewer-assets.ts): Chromium's viewer starts anew on each navigation of the frame, ~1 s on the
 * developers' machine before it draws, and it opens at the first page, so an edit on page 5 was out of
 * sight after every save.
 */
import { escapeHtmlAttribute, escapeHtmlText } from '../inline/html-escape.js';
import { PDFJS_PATH } from './pdf-viewer-assets.js';

/** The id of the element the live-reload client announces new PDFs to. */
export const PDF_VIEW_ID = 'vita-pdf';

/** The preview's own script (an ES module: it imports PDF.js from the watch server). */
export const PDF_PREVIEW_SCRIPT = `import { getDocument, GlobalWorkerOptions, PDFWorker, TextLayer } from '${PDFJS_PATH}pdf.min.mjs';
GlobalWorkerOptions.workerSrc = '${PDFJS_PATH}pdf.worker.min.mjs';
// One worker for every build: starting PDF.js's worker anew for each file costs more than reading the file.
const worker = new PDFWorker();
const view = document.getElementById('${PDF_VIEW_ID}');
const status = document.getElementById('vita-pdf-status');
const GAP = 12;
// The drawn PDF: its document, build, page sizes (points), scale (CSS pixels per point), and \`gone\`, which
// settles when a newer build replaces the document (PDF.js may leave a request to a closed one unanswered).
let shown = null;
// The newest build asked for: a load or drawing of an older one is dropped when it ends.
let wanted = -1;
// One box per page; each remembers what its picture was drawn for (\`drawn\`) and its PDF.js page.
const boxes = [];

const say = (text) => { status.textContent = text; };
const ratio = () => window.devicePixelRatio || 1;
const keyOf = (state) => state.build + '@' + state.scale + '@' + ratio();
const scaleFor = (sizes) => {
  const widest = Math.max(...sizes.map((s) => s[0]));
  return Math.min((document.documentElement.clientWidth - 2 * GAP) / widest, 2);
};
// The pages within \`margin\` screens of the visible part of the window.
const near = (margin) => {
  const out = [];
  const height = window.innerHeight;
  boxes.forEach((box, i) => {
    const r = box.getBoundingClientRect();
    if (r.bottom > -margin * height && r.top < (1 + margin) * height) out.push(i);
  });
  return out;
};
const inView = () => near(0);
// Takes a box's picture away, giving its pixels and PDF.js's data for the page back.
const clear = (box) => {
  for (const canvas of box.querySelectorAll('canvas')) { canvas.width = 0; canvas.height = 0; }
  box.replaceChildren();
  if (box.page) { try { box.page.cleanup(); } catch {} }
  box.page = undefined;
  box.drawn = undefined;
};
// A page far out of view gives its picture back (5-30 MB of pixels each; a long CV has hundreds of pages).
const forget = () => {
  const keep = new Set(near(2));
  boxes.forEach((box, i) => { if (box.drawn !== undefined && !keep.has(i)) clear(box); });
};
// Every page is given the size of the first until it is drawn (as PDF.js's own viewer does): asking the
// worker for each page's size first would cost a round trip per page before anything is drawn.
const draw = async (state, index) => {
  const page = await state.doc.getPage(index + 1);
  const natural = page.getViewport({ scale: 1 });
  state.sizes[index] = [natural.width, natural.height];
  const viewport = page.getViewport({ scale: state.scale * ratio() });
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(viewport.width);
  canvas.height = Math.ceil(viewport.height);
  await page.render({ canvasContext: canvas.getContext('2d', { alpha: false }), viewport }).promise;
  // The PDF's web links, as links over the picture (a co-author's page, a paper), opened in a new tab.
  const links = [];
  const css = page.getViewport({ scale: state.scale });
  for (const note of await page.getAnnotations({ intent: 'display' })) {
    if (note.subtype !== 'Link' || typeof note.url !== 'string' || !/^(https?:|mailto:)/i.test(note.url)) continue;
    const [x1, y1, x2, y2] = css.convertToViewportRectangle(note.rect);
    const link = document.createElement('a');
    link.href = note.url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.title = note.url;
    Object.assign(link.style, {
      left: Math.min(x1, x2) / css.width * 100 + '%',
      top: Math.min(y1, y2) / css.height * 100 + '%',
      width: Math.abs(x2 - x1) / css.width * 100 + '%',
      height: Math.abs(y2 - y1) / css.height * 100 + '%',
    });
    links.push(link);
  }
  return { page, viewport: css, nodes: [canvas, ...links] };
};
// Draws pages of \`state\`; null when a newer build replaced its document before they were done.
const drawAll = (state, indexes) =>
  Promise.race([Promise.all(indexes.map((i) => draw(state, i))), state.gone.then(() => null)]);
const layout = (sizes, scale) => {
  while (boxes.length > sizes.length) {
    const box = boxes.pop();
    clear(box);
    box.remove();
  }
  while (boxes.length < sizes.length) {
    const box = document.createElement('div');
    box.className = 'vita-page';
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', 'Page ' + (boxes.length + 1));
    view.append(box);
    boxes.push(box);
  }
  sizes.forEach(([w, h], i) => {
    boxes[i].style.width = Math.floor(w * scale) + 'px';
    boxes[i].style.height = Math.floor(h * scale) + 'px';
  });
};
// The page's text, invisible, over the picture: it can be selected and copied, and the browser's find
// (Ctrl+F) finds words on the pages drawn (within one run of text: each run is a positioned span, and find
// does not join two of them). Laid out after the picture is on screen (it took 60-150 ms more before the
// new PDF showed), and only if the box still shows that drawing. --scale-factor sizes it to the picture.
const addText = async (box, { page, viewport }) => {
  const key = box.drawn;
  const text = document.createElement('div');
  text.className = 'textLayer';
  text.style.setProperty('--scale-factor', String(viewport.scale));
  try {
    await new TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render();
  } catch {
    return;
  }
  if (box.drawn !== key || box.page !== page) return;
  box.querySelector('canvas')?.after(text);
};
const put = (state, index, drawing) => {
  const box = boxes[index];
  const [w, h] = state.sizes[index];
  box.style.width = Math.floor(w * state.scale) + 'px';
  box.style.height = Math.floor(h * state.scale) + 'px';
  clear(box);
  box.replaceChildren(...drawing.nodes);
  box.page = drawing.page;
  box.drawn = keyOf(state);
  void addText(box, drawing);
};
// Draws the pages in view that show an older build, scale or pixel ratio (after a scroll, a resize, a zoom,
// a new page count), then lets the far ones go.
let catchingUp = false;
const catchUp = async () => {
  if (catchingUp || !shown) return;
  catchingUp = true;
  try {
    for (;;) {
      const now = shown;
      const key = keyOf(now);
      const stale = inView().filter((i) => i < now.sizes.length && boxes[i].drawn !== key);
      if (stale.length === 0) break;
      let drawings;
      try {
        drawings = await drawAll(now, stale);
      } catch (error) {
        if (shown !== now) continue;
        say('Could not draw the PDF: ' + (error && error.message ? error.message : String(error)));
        break;
      }
      // Null or stale: a newer build, scale or document came meanwhile; draw for that one.
      if (drawings === null || shown !== now) continue;
      stale.forEach((i, k) => put(now, i, drawings[k]));
    }
    forget();
  } finally {
    catchingUp = false;
  }
};
const show = async (build) => {
  wanted = build;
  const task = getDocument({ url: '/cv.pdf' + (build > 0 ? '?build=' + build : ''), isEvalSupported: false, worker });
  let state;
  try {
    const doc = await task.promise;
    const one = (await doc.getPage(1)).getViewport({ scale: 1 });
    if (build !== wanted) { task.destroy(); return; }
    const sizes = Array.from({ length: doc.numPages }, () => [one.width, one.height]);
    let leave;
    state = { doc, build, sizes, scale: scaleFor(sizes), gone: new Promise((resolve) => { leave = resolve; }), leave };
    // The pages in view now are drawn before anything changes on screen, then swapped in together.
    const first = inView().filter((i) => i < sizes.length);
    if (first.length === 0) first.push(0);
    const drawings = await Promise.all(first.map((i) => draw(state, i)));
    if (build !== wanted) { task.destroy(); return; }
    const old = shown;
    shown = state;
    layout(sizes, state.scale);
    first.forEach((i, k) => put(state, i, drawings[k]));
    // The window changed size while the pages were drawn: lay them out again (catchUp redraws them).
    const fresh = scaleFor(sizes);
    if (fresh !== state.scale) {
      shown = { ...state, scale: fresh };
      layout(sizes, fresh);
    }
    say(doc.numPages + (doc.numPages === 1 ? ' page' : ' pages'));
    if (old) { old.leave(); old.doc.destroy(); }
    await catchUp();
    if (shown.doc === doc) document.documentElement.setAttribute('data-vita-pdf-build', String(build));
  } catch {
    if (!shown || !state || shown.doc !== state.doc) task.destroy();
    if (build !== wanted) return;
    say(shown ? 'The new cv.pdf could not be read; the preview shows an older build.' : 'No cv.pdf to show yet.');
  }
};

view.addEventListener('vita:pdf', (e) => { void show(e.detail.build); });
let frame = 0;
const later = () => {
  if (frame) return;
  frame = requestAnimationFrame(() => { frame = 0; void catchUp(); });
};
window.addEventListener('scroll', later, { passive: true });
// A resize or a zoom (which changes the pixel ratio): the pages are laid out again and redrawn in view.
window.addEventListener('resize', () => {
  if (!shown) return;
  shown = { ...shown, scale: scaleFor(shown.sizes) };
  layout(shown.sizes, shown.scale);
  later();
});
void show(Number(view.getAttribute('data-build') || 0));
`;

const STYLE = `html,body{margin:0;background:#525659;color:#eee;font:13px/1.4 system-ui,sans-serif}
header{position:sticky;top:0;z-index:1;display:flex;gap:1em;align-items:center;padding:4px 12px;background:#323639}
header a{color:#9cc4ff}
#${PDF_VIEW_ID}{display:flex;flex-direction:column;align-items:center;gap:12px;padding:12px}
.vita-page{position:relative;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.5)}
.vita-page canvas{display:block;width:100%;height:100%}
.vita-page a{position:absolute;z-index:2}
.textLayer{position:absolute;inset:0;overflow:clip;line-height:1;text-align:initial;text-size-adjust:none;-webkit-text-size-adjust:none;forced-color-adjust:none;transform-origin:0 0;caret-color:CanvasText;z-index:1}
.textLayer :is(span,br){position:absolute;color:transparent;white-space:pre;cursor:text;transform-origin:0% 0%}
.textLayer span.markedContent{top:0;height:0}
.textLayer ::selection{background:rgba(26,115,232,.3)}
.vita-page a:hover,.vita-page a:focus-visible{outline:2px solid #1a73e8;outline-offset:1px}`;

/** `/__vita/pdf` drawn by PDF.js (see the top of this file). */
export function pdfPreviewPage(title: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtmlText(title)} (PDF preview)</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<header><span id="vita-pdf-status" role="status">Loading the PDF…</span><a href="/cv.pdf" target="_blank" rel="noopener">Open cv.pdf</a></header>
<main id="${PDF_VIEW_ID}" aria-label="${escapeHtmlAttribute(title)}"></main>
<script type="module">${PDF_PREVIEW_SCRIPT}</script>
</body>
</html>
`;
}
