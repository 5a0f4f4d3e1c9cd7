/**
 * Escaping for the standalone HTML target, in one place. Text and attribute escaping come from the shared
 * inline escaper; on top of it, `html` is a tagged template that escapes every interpolation unless the
 * value is an already-built `SafeHtml`, so markup is escaped by construction rather than by discipline.
 */
import { escapeHtmlAttribute, escapeHtmlText } from '../../inline/html-escape.js';

/** Escapes `&`, `<`, `>` for element content. */
export const escapeText = escapeHtmlText;

/** Escapes `&`, `<`, `>`, `"`, `'` for a quoted attribute value (also safe as element content). */
export const escapeAttribute = escapeHtmlAttribute;

/** A fragment of HTML that is already escaped or built from escaped parts. */
export class SafeHtml {
  private constructor(readonly value: string) {}

  /**
   * Marks a string as HTML without escaping it. Only for markup this target builds itself or gets from a
   * function whose contract is escaped output (`inlineToHtml`, `sanitizeHtml`, icon constants).
   */
  static trust(value: string): SafeHtml {
    return new SafeHtml(value);
  }

  toString(): string {
    return this.value;
  }
}

export const EMPTY_HTML = SafeHtml.trust('');

/** What a template interpolation accepts: `false`, `null` and `undefined` render nothing, arrays are joined. */
export type HtmlValue = SafeHtml | string | number | false | null | undefined | readonly HtmlValue[];

function renderValue(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (value === false || value === null || value === undefined) return '';
  if (typeof value === 'number') return escapeAttribute(String(value));
  if (typeof value === 'string') return escapeAttribute(value);
  let out = '';
  for (const item of value) out += renderValue(item);
  return out;
}

// An interpolation right after `=` would be an unquoted attribute value, where escaping is not enough.
const UNQUOTED_ATTRIBUTE = /=\s*$/;

/**
 * Tagged template for HTML. Every interpolated string or number is escaped for both text and quoted
 * attribute contexts; `SafeHtml` values are inserted as they are. Attribute values must be quoted.
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  if (!CHECKED_TEMPLATES.has(strings)) {
    for (let i = 0; i < values.length; i++) {
      if (UNQUOTED_ATTRIBUTE.test(strings[i] ?? '')) {
        throw new Error(`html template: unquoted attribute value before interpolation ${i}: ${strings[i]}`);
      }
    }
    CHECKED_TEMPLATES.add(strings);
  }
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += renderValue(values[i]) + (strings[i + 1] ?? '');
  return SafeHtml.trust(out);
}

/**
 * The templates already checked for unquoted attributes: a call site passes the same frozen strings array
 * on every call, so each site is checked once, not once per row of a 10,000-paper list.
 */
const CHECKED_TEMPLATES = new WeakSet<TemplateStringsArray>();

/** Joins fragments with a separator (itself escaped unless `SafeHtml`). */
export function joinHtml(parts: readonly HtmlValue[], separator: HtmlValue = ''): SafeHtml {
  const sep = renderValue(separator);
  return SafeHtml.trust(parts.map(renderValue).join(sep));
}

const SCRIPT_JSON_ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON for a `<script type="application/ld+json">` block, compact (only machines read it): `<`, `>` and `&`
 * become `\u003c`-style escapes, so no `</script>` or `<!--` can appear in the element, and the JSON still
 * parses to the same value.
 */
export function jsonForScript(value: unknown): SafeHtml {
  const json = JSON.stringify(value) ?? 'null';
  return SafeHtml.trust(json.replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_JSON_ESCAPES[c] as string));
}
