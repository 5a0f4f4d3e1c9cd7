/**
 * The one URL check every target uses before a URL reaches an href: only http(s), mailto and relative
 * links pass. Returns the URL (trimmed) or undefined when it must not be linked.
 */
const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

export function safeUrl(url: string): string | undefined {
  const trimmed = url.trim();
  if (trimmed === '') return undefined;
  // Browsers ignore ASCII control characters and whitespace inside a scheme ("java\tscript:"), so any
  // control character makes the URL unsafe outright.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point of the check
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return undefined;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(trimmed);
  if (scheme) {
    return ALLOWED_SCHEMES.has(`${scheme[1]?.toLowerCase()}:`) ? trimmed : undefined;
  }
  // No scheme: relative (`/cv.pdf`, `images/x.png`, `#pub-1`) or protocol-relative (`//host/x`).
  return trimmed;
}

/** `bamos.github.io` -> `https://bamos.github.io`: the YAML's `url:` is often written without a scheme. */
export function absoluteWebUrl(url: string): string | undefined {
  const trimmed = url.trim();
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(trimmed) || trimmed.startsWith('/')) return safeUrl(trimmed);
  return safeUrl(`https://${trimmed}`);
}
