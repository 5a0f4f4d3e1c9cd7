/** HTML escaping for text content and attribute values: the only two contexts inline HTML is written in. */
const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { ...TEXT_ESCAPES, '"': '&quot;', "'": '&#39;' };

/** The characters each table escapes, for a test (no `g`: `test` then keeps no state) and for the replace. */
const TEXT_SPECIAL = /[&<>]/;
const ATTRIBUTE_SPECIAL = /[&<>"']/;
const TEXT_SPECIALS = new RegExp(TEXT_SPECIAL.source, 'g');
const ATTRIBUTE_SPECIALS = new RegExp(ATTRIBUTE_SPECIAL.source, 'g');

// Tested first: most values (titles, abstracts, names) have nothing to escape, and a test that fails is
// cheaper than a replace that finds nothing (~10-15% over a paper's strings, measured).
export function escapeHtmlText(value: string): string {
  return TEXT_SPECIAL.test(value) ? value.replace(TEXT_SPECIALS, (c) => TEXT_ESCAPES[c] as string) : value;
}

export function escapeHtmlAttribute(value: string): string {
  return ATTRIBUTE_SPECIAL.test(value)
    ? value.replace(ATTRIBUTE_SPECIALS, (c) => ATTRIBUTE_ESCAPES[c] as string)
    : value;
}
