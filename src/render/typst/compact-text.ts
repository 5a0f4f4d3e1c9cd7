/**
 * Rich text without markup as one string: `[{type: text, value: "A"}, {type: dash, kind: en}, {type: text,
 * value: "B"}]` becomes `"A–B"`, which `rich()` of themes/vita-lib.typ prints exactly as it printed the
 * nodes (it joined them into that string). A CV of 10,000 papers holds ~150,000 rich texts (every author's
 * name is one); as strings Typst parses and keeps far fewer values. Rich text with markup (bold, a link, a
 * line break) stays a node array, and so does an empty one (`[]`).
 */
const DASHES = { en: '\u2013', em: '\u2014' } as const;

/** The string of a non-empty array of text, nbsp and dash nodes; undefined for anything else. */
function plainString(value: readonly unknown[]): string | undefined {
  if (value.length === 0) return undefined;
  let out = '';
  for (const item of value) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
    const node = item as { type?: unknown; value?: unknown; kind?: unknown };
    if (node.type === 'text' && typeof node.value === 'string') out += node.value;
    else if (node.type === 'nbsp') out += '\u00A0';
    else if (node.type === 'dash' && (node.kind === 'en' || node.kind === 'em')) out += DASHES[node.kind];
    else return undefined;
  }
  return out;
}

const isNode = (value: object): boolean => 'type' in value && ('value' in value || 'children' in value);

/**
 * Replaces, in place, every rich text of the data that has no markup by its string. Node arrays with markup
 * are left whole (their children too): only values a theme reads as rich text change.
 */
export function compactPlainText(data: object): void {
  const stack: object[] = [data];
  while (stack.length > 0) {
    const holder = stack.pop() as Record<string, unknown> | unknown[];
    const keys = Array.isArray(holder) ? holder.keys() : Object.keys(holder);
    for (const key of keys) {
      const value = (holder as Record<string | number, unknown>)[key];
      if (value === null || typeof value !== 'object') continue;
      if (Array.isArray(value)) {
        const text = plainString(value);
        if (text !== undefined) (holder as Record<string | number, unknown>)[key] = text;
        else if (!value.some((item) => item !== null && typeof item === 'object' && isNode(item)))
          stack.push(value);
      } else {
        stack.push(value);
      }
    }
  }
}
