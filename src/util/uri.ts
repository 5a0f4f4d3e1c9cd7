/**
 * Percent-encoding that cannot throw. `encodeURIComponent` throws a URIError on a lone UTF-16 surrogate,
 * which valid UTF-8 files never hold but a YAML escape (`"\ud800"`) can produce; such a code unit is
 * encoded as U+FFFD (the replacement character) instead.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text with every lone surrogate replaced by U+FFFD (`String.prototype.toWellFormed`, ES2024). */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

/** `encodeURIComponent` for any string. */
export function encodeUriComponent(text: string): string {
  return encodeURIComponent(wellFormed(text));
}

/** `encodeURI` for any string. */
export function encodeUri(text: string): string {
  return encodeURI(wellFormed(text));
}
