/**
 * Text written per language: `title: {en: Publications, de: Publikationen}`. Before anything else is
 * resolved, every such mapping is replaced by the text of the CV's language, so each section schema sees
 * a plain string. The rule (docs/formats.md, "Text in several languages"):
 *
 * - a per-language mapping is a mapping whose keys are all language tags vita has labels for (`en`,
 *   `de`, `pt-BR`, `zh-Hant`) and whose values are all scalars (text, numbers);
 * - at the top level only `about` and the keys that are not sections (`title`, `description`, ...) may be
 *   one: a section's own value is its content (`languages: {en: native, de: fluent}` stays a section);
 * - the text taken is the one of the active language (the tag, else its language), else of the default
 *   language (`locale:` of the file, else English) with a warning, else the first one written, with a
 *   warning.
 */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { canonicalTag, KNOWN_LANGUAGES, languageOf } from '../locale/locale.js';
import type { MergedYaml } from './merged-yaml.js';
import { TOP_LEVEL_KEYS } from './top-level.js';

type Path = (string | number)[];

const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** Whether a YAML key is a language tag vita knows (`de`, `pt-BR`). */
function isLanguageKey(key: string): boolean {
  const tag = canonicalTag(key);
  return tag !== undefined && KNOWN_LANGUAGES.includes(languageOf(tag));
}

export function isPerLanguageText(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return entries.length > 0 && entries.every(([k, v]) => isLanguageKey(k) && isScalar(v));
}

/** The key of `texts` for `tag`: the same tag, else the same language (`de` for `de-CH`, `de-AT` for `de`). */
function keyFor(texts: Record<string, unknown>, tag: string): string | undefined {
  const keys = Object.keys(texts);
  const canonical = canonicalTag(tag) ?? tag;
  const exact = keys.find((k) => canonicalTag(k) === canonical);
  if (exact !== undefined) return exact;
  const language = languageOf(canonical);
  return (
    keys.find((k) => canonicalTag(k) === language) ??
    keys.find((k) => languageOf(canonicalTag(k) ?? k) === language)
  );
}

/**
 * The YAML with each per-language mapping replaced by one text (see the module comment). `active` is the
 * language to build, `fallback` the file's default language.
 */
export function pickTexts(
  merged: MergedYaml,
  active: string,
  fallback: string,
  bag: DiagnosticBag,
): MergedYaml {
  const picked = new Map<string, string>();
  const walk = (value: unknown, path: Path): unknown => {
    if (isPerLanguageText(value) && (path.length > 1 || mayBeText(path[0]))) {
      const own = keyFor(value, active);
      const key = own ?? keyFor(value, fallback) ?? (Object.keys(value)[0] as string);
      if (own === undefined) {
        bag.warning({
          code: 'text-language-missing',
          message: `\`${path.join('.')}\` has no \`${active}\` text; the \`${key}\` text is shown`,
          position: merged.positionOf(path),
          hints: [
            `add \`${languageOf(active)}: ...\` beside ${Object.keys(value)
              .map((k) => `\`${k}\``)
              .join(', ')}`,
          ],
        });
      }
      picked.set(JSON.stringify(path), key);
      return value[key];
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, [...path, i]));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, [...path, k])]));
    }
    return value;
  };
  const data = Object.fromEntries(Object.entries(merged.data).map(([k, v]) => [k, walk(v, [k])]));
  if (picked.size === 0) return merged;
  return merged.derived(data, (at) => {
    const key = picked.get(JSON.stringify(at));
    return key === undefined ? at : [...at, key];
  });
}

/** At the top level: `about` and the keys that are not sections may be per-language text. */
const mayBeText = (key: string | number | undefined): boolean =>
  typeof key === 'string' && (key === 'about' || TOP_LEVEL_KEYS.has(key));
