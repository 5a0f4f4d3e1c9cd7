/**
 * Site-root links (`/cv.pdf`) in the standalone page, made relative to the page (`./cv.pdf`, or
 * `../cv.pdf` for a page written to `cv/index.html`): a page opened from disk (file://) resolves `/cv.pdf`
 * at the root of the file system, and one published under a path (`https://ada.github.io/cv/`) at the
 * host's root. The page sits at the root of the built site, so the relative link finds the same file in
 * both cases. Protocol-relative links (`//host/x`) are left alone; the Markdown target keeps site-root
 * links (Jekyll serves them from the site's root).
 */

/** Rewrites every `href="/..."` and `src="/..."` of the finished page (attribute values are always quoted). */
export function relativizeSiteRootLinks(page: string, htmlFileName: string): string {
  const depth = htmlFileName.split('/').filter((segment) => segment !== '' && segment !== '.').length - 1;
  const prefix = depth > 0 ? '../'.repeat(depth) : './';
  return page.replace(/(\s(?:href|src)=")\/(?!\/)/g, (_, attribute: string) => `${attribute}${prefix}`);
}
