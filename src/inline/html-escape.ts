/** HTML escaping for text content and attribute values: the only two contexts inline HTML is written in. */
const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { ...TEXT_ESCAPES, '"': '&quot;', "'": '&#39;' };

export function escapeHtmlText(value: string): string {
  return value.replace(/[&<>]/g, (c) => TEXT_ESCAPES[c] as string);
}

export function escapeHtmlAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ATTRIBUTE_ESCAPES[c] as string);
}
