/**
 * Inline SVG icons, drawn for vita on a 24x24 grid (no icon font, no external file, no third-party artwork).
 * They are decorative: every icon sits next to a visible label, so each is `aria-hidden`.
 */
import { SafeHtml } from './escape.js';

export type IconName =
  | 'email'
  | 'web'
  | 'github'
  | 'scholar'
  | 'twitter'
  | 'linkedin'
  | 'orcid'
  | 'pdf'
  | 'link'
  | 'source'
  | 'star'
  | 'award';

/** Shapes drawn with `currentColor` strokes (the `.icon` class sets stroke and fill). */
const SHAPES: Readonly<Record<IconName, string>> = {
  email: '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="m3.5 6.5 8.5 6.5 8.5-6.5"/>',
  web: '<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z"/>',
  github: '<path d="m8 7-5 5 5 5M16 7l5 5-5 5M13.5 5l-3 14"/>',
  scholar:
    '<path d="M12 4 2 9.5 12 15l10-5.5z"/><path d="M6 11.8V16c0 1.7 2.7 3 6 3s6-1.3 6-3v-4.2M22 9.5V15"/>',
  twitter: '<path d="M4 5h16v11H9l-5 4z"/><path d="M8 9.5h8M8 12.5h5"/>',
  linkedin:
    '<rect x="3" y="3" width="18" height="18" rx="3"/><path d="M8 11v6M8 7.5v.01M12 17v-6m0 3a3 3 0 0 1 6 0v3"/>',
  orcid: '<circle cx="12" cy="12" r="9"/><path d="M8.5 10.5V16M8.5 7.8v.01M11.5 8h2a4 4 0 0 1 0 8h-2z"/>',
  pdf: '<path d="M6 3h8l4 4v14H6z"/><path d="M14 3v4h4M9 12h6M9 15.5h6"/>',
  link: '<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1"/><path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"/>',
  source:
    '<circle cx="6" cy="5" r="2"/><circle cx="6" cy="19" r="2"/><circle cx="18" cy="7" r="2"/><path d="M6 7v10M18 9c0 4-6 3-11.5 8"/>',
  award: '<circle cx="12" cy="9" r="6"/><path d="m8.5 13.8-1.5 7.2 5-2.5 5 2.5-1.5-7.2"/>',
  star: '<path d="m12 3 2.7 5.6 6.1.8-4.5 4.2 1.1 6.1L12 16.8l-5.4 2.9 1.1-6.1-4.5-4.2 6.1-.8z"/>',
};

const CACHE = new Map<IconName, SafeHtml>();

export function icon(name: IconName): SafeHtml {
  let svg = CACHE.get(name);
  if (svg === undefined) {
    svg = SafeHtml.trust(
      `<svg class="icon icon-${name}" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${SHAPES[name]}</svg>`,
    );
    CACHE.set(name, svg);
  }
  return svg;
}

/**
 * The favicon: the person's initials on a rounded square, as an SVG data URL (no request leaves the page).
 * Only letters of the first and last word are kept, then the SVG is percent-encoded for the URL.
 */
export function faviconDataUrl(name: string): string {
  const words = name.match(/\p{L}+/gu) ?? [];
  const first = words[0];
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  // Only letters can reach the SVG text, so no XML escaping is needed.
  const initials = [first, last]
    .map((word) => (word === undefined ? '' : [...word][0]))
    .join('')
    .toUpperCase();
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">' +
    '<rect width="64" height="64" rx="14" fill="#1f4e8c"/>' +
    `<text x="32" y="42" font-family="system-ui,sans-serif" font-size="28" font-weight="700" fill="#fff" text-anchor="middle">${initials}</text>` +
    '</svg>';
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
