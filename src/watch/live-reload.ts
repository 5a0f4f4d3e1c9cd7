/**
 * The live-reload client and its injection into HTML responses of the watch server (never into the files
 * on disk). The client listens to `/__vita/events` (Server-Sent Events): `reload` names the files that
 * changed; it reloads the page unless they are only `cv.pdf`, and the PDF frame of `/__vita/pdf` only when
 * `cv.pdf` is among them. `diagnostics` shows the build's problems in an overlay. Every text goes into the
 * page through `textContent`, so nothing in a message can become markup.
 */
import { createHash } from 'node:crypto';
import { decodeHTMLAttribute } from 'entities';
import { escapeHtmlAttribute, escapeHtmlText } from '../inline/html-escape.js';

export const EVENTS_PATH = '/__vita/events';
export const PDF_PAGE_PATH = '/__vita/pdf';

export const CLIENT_SCRIPT = `(() => {
  const frame = document.getElementById('vita-pdf');
  const events = new EventSource('${EVENTS_PATH}');
  let panel = null;
  const el = (tag, style, text) => {
    const node = document.createElement(tag);
    Object.assign(node.style, style);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const clear = () => { if (panel) { panel.remove(); panel = null; } };
  const show = (state) => {
    clear();
    const list = state.diagnostics || [];
    if (list.length === 0) return;
    const errors = list.filter((d) => d.severity === 'error').length;
    const font = 'font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';
    panel = el('div', errors > 0
      ? { position: 'fixed', inset: '0', background: 'rgba(20,20,20,.92)', color: '#eee', zIndex: 2147483647, overflow: 'auto', padding: '24px' }
      : { position: 'fixed', right: '12px', bottom: '12px', maxWidth: '60ch', maxHeight: '50vh', background: '#fff8e1', color: '#222', border: '1px solid #e0b000', zIndex: 2147483647, overflow: 'auto', padding: '10px 12px' });
    panel.setAttribute('role', errors > 0 ? 'alert' : 'status');
    panel.id = 'vita-diagnostics';
    const head = el('div', { display: 'flex', justifyContent: 'space-between', gap: '1em', fontWeight: 'bold', marginBottom: '8px' },
      errors > 0 ? 'vita: the last edit has ' + errors + ' error(s); the page shows the last good build' : 'vita: ' + list.length + ' warning(s)');
    const close = el('button', { cursor: 'pointer' }, 'close');
    close.addEventListener('click', clear);
    head.append(close);
    panel.append(head);
    for (const d of list) {
      const item = el('div', { margin: '0 0 10px', whiteSpace: 'pre-wrap', fontFamily: 'monospace' });
      const place = d.file ? d.file + ':' + d.line + ':' + d.column + ': ' : '';
      item.append(el('span', { color: d.severity === 'error' ? '#ff6b6b' : '#b07800', fontWeight: 'bold' }, place + d.severity + ': '));
      item.append(el('span', {}, d.message + ' [' + d.code + ']'));
      for (const hint of d.hints || []) item.append(el('div', { opacity: '.8', paddingLeft: '2ch' }, 'hint: ' + hint));
      panel.append(item);
    }
    panel.style.cssText += ';' + font;
    document.body.append(panel);
  };
  events.addEventListener('diagnostics', (e) => show(JSON.parse(e.data)));
  events.addEventListener('reload', (e) => {
    const data = JSON.parse(e.data);
    // Without a list of files, everything may have changed.
    const files = Array.isArray(data.written) ? data.written : null;
    const pdf = !files || files.includes('cv.pdf');
    const onlyPdf = !!files && files.length > 0 && files.every((f) => f === 'cv.pdf');
    if (frame) { if (pdf) { clear(); frame.src = '/cv.pdf?build=' + data.build; } }
    else if (!onlyPdf) location.reload();
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
export function injectLiveReload(html: string): string {
  const patched = html.replace(/<meta\b[^>]*>/gi, (tag) => {
    if (!/http-equiv\s*=\s*["']?content-security-policy/i.test(tag)) return tag;
    return tag.replace(
      /\bcontent\s*=\s*(["'])(.*?)\1/is,
      (_m, quote: string, policy: string) =>
        `content=${quote}${escapeHtmlAttribute(allowLiveReload(decodeAttribute(policy)))}${quote}`,
    );
  });
  const script = `<script>${CLIENT_SCRIPT}</script>\n`;
  const end = patched.toLowerCase().lastIndexOf('</body>');
  return end < 0 ? `${patched}${script}` : `${patched.slice(0, end)}${script}${patched.slice(end)}`;
}

/** `/__vita/pdf`: the PDF in a frame that reloads after each build. */
export function pdfPage(title: string): string {
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
