/**
 * The live-reload client and its injection into HTML responses of the watch server (never into the files
 * on disk). The client listens to `/__vita/events` (Server-Sent Events): `reload` names the files that
 * changed. When the page changed and the event carries a patch (src/watch/page-patch.ts) computed from the
 * text this tab shows (`data-page` on the client's script names it), the client swaps the changed elements
 * and tells the page's script (`vita:updated`); otherwise it reloads the page. Files that are not part of
 * the page (`cv.pdf`, `cv.json`, ...: see `NOT_THE_PAGE`) leave it alone; the PDF preview of `/__vita/pdf`
 * (pdf-preview.ts, or a frame) redraws only when `cv.pdf` is among them. `diagnostics` shows the build's problems in an overlay: errors
 * first, over the page; warnings alone as one collapsed line in a corner. Every text goes into the
 * page through `textContent`, so nothing in a message can become markup. */
import { createHash } from 'node:crypto';
import { decodeHTMLAttribute } from 'entities';
import { escapeHtmlAttribute, escapeHtmlText } from '../inline/html-escape.js';
import { pageDigest } from './page-patch.js';
import { pdfPreviewPage } from './pdf-preview.js';

export const EVENTS_PATH = '/__vita/events';
export const PDF_PAGE_PATH = '/__vita/pdf';

/**
 * Outputs that are not part of the page: a rebuild that changes only these does not reload it (`cv.json`
 * carries the time of each build, so it changes every time). `cv.pdf` redraws the PDF preview instead.
 */
export const NOT_THE_PAGE = /\.(pdf|json|md|markdown|tex|typ|bib|ya?ml|txt)$/i;

export const CLIENT_SCRIPT = `(() => {
  const frame = document.getElementById('vita-pdf');
  const self = document.currentScript;
  let pageText = self ? self.getAttribute('data-page') : null;
  const pageFile = self ? self.getAttribute('data-file') : null;
  const events = new EventSource('${EVENTS_PATH}');
  const notThePage = ${NOT_THE_PAGE.toString()};
  let panel = null;
  const el = (tag, style, text) => {
    const node = document.createElement(tag);
    Object.assign(node.style, style);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const plural = (n, word) => n + ' ' + word + (n === 1 ? '' : 's');
  const clear = () => { if (panel) { panel.remove(); panel = null; } };
  const item = (d) => {
    const node = el('div', { margin: '0 0 10px', whiteSpace: 'pre-wrap' });
    node.className = 'vita-diagnostic vita-' + d.severity;
    const place = d.file ? d.file + ':' + d.line + ':' + d.column + ': ' : '';
    node.append(el('span', { color: d.severity === 'error' ? '#ff8080' : '#8a5a00', fontWeight: 'bold' }, place + d.severity + ': '));
    node.append(el('span', {}, d.message + ' [' + d.code + ']'));
    for (const hint of d.hints || []) node.append(el('div', { opacity: '.85', paddingLeft: '2ch' }, 'hint: ' + hint));
    return node;
  };
  const show = (state) => {
    clear();
    const list = state.diagnostics || [];
    if (list.length === 0) return;
    const errors = list.filter((d) => d.severity === 'error');
    const warnings = list.filter((d) => d.severity !== 'error');
    const font = '13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';
    const close = el('button', { cursor: 'pointer', font: 'inherit', minWidth: '24px', minHeight: '24px' }, 'close');
    close.type = 'button';
    close.addEventListener('click', clear);
    const warningList = (open) => {
      const box = el('details', {});
      box.className = 'vita-warnings';
      box.open = open;
      const summary = el('summary', { cursor: 'pointer', fontWeight: 'bold', minHeight: '24px' }, 'vita: ' + plural(warnings.length, 'warning'));
      box.append(summary);
      const body = el('div', { maxHeight: '40vh', overflow: 'auto', marginTop: '6px' });
      for (const d of warnings) body.append(item(d));
      box.append(body);
      return box;
    };
    if (errors.length > 0) {
      panel = el('div', { position: 'fixed', inset: '0', background: 'rgba(20,20,20,.94)', color: '#eee', zIndex: 2147483647, overflow: 'auto', padding: '24px', font: font });
      panel.setAttribute('role', 'alert');
      const where = state.lastGood > 0
        ? 'the page shows the last good build'
        : 'no build has succeeded yet';
      const head = el('div', { display: 'flex', justifyContent: 'space-between', gap: '1em', fontWeight: 'bold', marginBottom: '12px' },
        'vita: the last edit has ' + plural(errors.length, 'error') + '; ' + where);
      head.append(close);
      panel.append(head);
      for (const d of errors) panel.append(item(d));
      if (warnings.length > 0) panel.append(warningList(false));
    } else {
      panel = el('div', { position: 'fixed', right: '12px', bottom: '12px', maxWidth: 'min(60ch, calc(100vw - 24px))', background: '#fff8e1', color: '#222', border: '1px solid #b07800', zIndex: 2147483647, padding: '4px 8px', display: 'flex', alignItems: 'flex-start', gap: '8px', font: font });
      panel.setAttribute('role', 'status');
      panel.append(warningList(false), close);
    }
    panel.id = 'vita-diagnostics';
    document.body.append(panel);
  };
  events.addEventListener('diagnostics', (e) => {
    const state = JSON.parse(e.data);
    // On connecting: a build wrote this page after the tab read it (its reload event came before the tab
    // listened). Reload, once for each newer text, so a page changed on disk by someone else cannot loop.
    const now = state.pages && pageFile && Object.prototype.hasOwnProperty.call(state.pages, pageFile)
      ? state.pages[pageFile] : null;
    if (now && pageText && now !== pageText) {
      let tried = null;
      try { tried = sessionStorage.getItem('vita-reloaded-for'); sessionStorage.setItem('vita-reloaded-for', now); } catch (err) {}
      if (tried !== now) { location.reload(); return; }
    }
    show(state);
  });
  events.addEventListener('reload', (e) => {
    const data = JSON.parse(e.data);
    // Without a list of files, everything may have changed.
    const files = Array.isArray(data.written) ? data.written : null;
    const pdf = !files || files.includes('cv.pdf');
    const pageFiles = files ? files.filter((f) => !notThePage.test(f)) : null;
    if (frame) {
      if (!pdf) return;
      clear();
      // The browser's viewer in a frame navigates; the PDF.js preview (pdf-preview.ts) draws in place.
      if (frame.tagName === 'IFRAME') { frame.src = '/cv.pdf?build=' + data.build; return; }
      frame.setAttribute('data-build', String(data.build));
      frame.dispatchEvent(new CustomEvent('vita:pdf', { detail: { build: data.build } }));
      return;
    }
    if (pageFiles && pageFiles.length === 0) return;
    // One page changed, and this tab shows the text the change was computed from: swap what changed.
    const patch = data.patch;
    const fits = patch && pageFiles && pageFiles.length === 1 && pageFiles[0] === patch.file &&
      patch.from === pageText;
    const targets = fits ? patch.elements.map((p) => document.getElementById(p.id)) : null;
    const scripts = fits ? document.head.querySelectorAll('script[type="application/ld+json"]') : [];
    const usable = targets && targets.every(Boolean) &&
      (!patch.structuredData || patch.structuredData.length === scripts.length);
    if (!usable) { location.reload(); return; }
    patch.elements.forEach((p, i) => { targets[i].outerHTML = p.html; });
    (patch.structuredData || []).forEach((text, i) => { scripts[i].textContent = text; });
    pageText = patch.to;
    document.dispatchEvent(new CustomEvent('vita:updated', { detail: { ids: patch.elements.map((p) => p.id) } }));
  });
})();`;

/** `'sha256-…'` of the client script, for the page's Content-Security-Policy. */
export const CLIENT_SCRIPT_HASH = `'sha256-${createHash('sha256').update(CLIENT_SCRIPT, 'utf8').digest('base64')}'`;

/**
 * A Content-Security-Policy that also lets the client run and connect back: the script's hash joins
 * `script-src`, and `connect-src` gets `'self'` (each taken from `default-src` when the page sets only that).
 */
export function allowLiveReload(policy: string): string {
  const directives = policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => d.split(/\s+/));
  const find = (name: string) => directives.find((d) => d[0]?.toLowerCase() === name);
  const fallback = find('default-src');
  const allow = (name: string, source: string) => {
    const directive = find(name);
    if (directive) {
      if (!directive.includes(source)) directive.push(source);
      // `'none'` with another source is invalid: the source replaces it.
      const none = directive.indexOf("'none'");
      if (none > 0) directive.splice(none, 1);
    } else if (fallback) {
      directives.push([name, ...fallback.slice(1).filter((s) => s !== "'none'"), source]);
    }
  };
  allow('script-src', CLIENT_SCRIPT_HASH);
  allow('connect-src', "'self'");
  return directives.map((d) => d.join(' ')).join('; ');
}

/** An attribute value's text (the policy is written with `&#39;` for its quotes). */
const decodeAttribute = (value: string): string => decodeHTMLAttribute(value);

/** The page with the client script before `</body>` and its CSP (if any) widened for it. */
export function injectLiveReload(html: string, file?: string): string {
  const patched = html.replace(/<meta\b[^>]*>/gi, (tag) => {
    if (!/http-equiv\s*=\s*["']?content-security-policy/i.test(tag)) return tag;
    return tag.replace(
      /\bcontent\s*=\s*(["'])(.*?)\1/is,
      (_m, quote: string, policy: string) =>
        `content=${quote}${escapeHtmlAttribute(allowLiveReload(decodeAttribute(policy)))}${quote}`,
    );
  });
  // `data-page` names the text the page was served from, so a patch computed from another text is refused.
  // `data-file` names the output it was read from, so a tab that connects after a newer build reloads.
  const named = file === undefined ? '' : ` data-file="${escapeHtmlAttribute(file)}"`;
  const script = `<script data-page="${pageDigest(html)}"${named}>${CLIENT_SCRIPT}</script>\n`;
  // The position comes from a match in `patched` itself, never from a transformed copy (whose length may
  // differ: `'İ'.toLowerCase()` is two characters).
  let end = -1;
  for (const match of patched.matchAll(/<\/body\s*>/gi)) end = match.index;
  return end < 0 ? `${patched}${script}` : `${patched.slice(0, end)}${script}${patched.slice(end)}`;
}

/**
 * `/__vita/pdf`: the pages drawn by PDF.js and redrawn in place after each build (pdf-preview.ts); without
 * PDF.js (`withPdfJs` false), the browser's own viewer in a frame that reloads after each build.
 */
export function pdfPage(title: string, withPdfJs: boolean): string {
  if (withPdfJs) return injectLiveReload(pdfPreviewPage(title));
  return injectLiveReload(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtmlText(title)} (PDF preview)</title>
<style>html,body{margin:0;height:100%;background:#525659}iframe{border:0;width:100%;height:100%;display:block}</style>
</head>
<body>
<iframe id="vita-pdf" src="/cv.pdf" title="${escapeHtmlAttribute(title)}"></iframe>
</body>
</html>
`);
}
