/**
 * Every limit vita puts on its input, in one place (docs/formats.md, "Limits"). Each is far above what a
 * CV needs (the corpus CV: a 59 KB YAML file, a 114 KB `.bib`, lines under 2,000 characters) and low enough
 * that every stage stays fast on a file at the limit: a file beyond one is refused early, with an error at
 * the place where the limit is crossed, instead of taking minutes or all the memory.
 */

/** Bytes of one YAML file. */
export const MAX_YAML_BYTES = 1024 * 1024;
/** Bytes of one `.bib` file: 100,000 entries of an export with abstracts (100-150 MB) fit. */
export const MAX_BIBTEX_BYTES = 256 * 1024 * 1024;
/** Bytes of one publication image the build copies (`include_image`). */
export const MAX_IMAGE_BYTES = 32 * 1024 * 1024;
/** Lines of one YAML file. */
export const MAX_YAML_LINES = 50_000;
/** Characters of one line, in YAML and in BibTeX. */
export const MAX_LINE_CHARS = 100_000;
/** Characters of one text value: a YAML string, or a BibTeX field after macro expansion. */
export const MAX_VALUE_CHARS = 100_000;
/** Levels of YAML lists and mappings, one inside the other (flow `[{...}]` or block, aliases expanded). */
export const MAX_NESTING_DEPTH = 64;
/** Values of one YAML file, counting each alias (`*name`) as the values it repeats, and each merged key. */
export const MAX_YAML_NODES = 200_000;
/** Aliases (`*name`, including those a merge key `<<` names) expanded in one YAML file. */
export const MAX_YAML_ALIASES = 10_000;
/** Items of one YAML list, keys of one YAML mapping. */
export const MAX_COLLECTION_ITEMS = 10_000;
/** Top-level keys of one YAML file (the person's fields and one key per section). */
export const MAX_TOP_LEVEL_KEYS = 1_000;
/** Entries of one `.bib` file. */
export const MAX_BIBTEX_ENTRIES = 200_000;

/**
 * The offset where `text` first crosses the line limits (a line longer than `maxLineChars`, or more than
 * `maxLines` lines), with which one, or undefined. One linear pass with `indexOf`.
 */
export function lineLimitCrossed(
  text: string,
  maxLineChars: number,
  maxLines: number = Number.POSITIVE_INFINITY,
): { offset: number; kind: 'line-length' | 'line-count' } | undefined {
  let start = 0;
  let line = 1;
  for (;;) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    if (stop - start > maxLineChars) return { offset: start + maxLineChars, kind: 'line-length' };
    if (end < 0) return undefined;
    start = end + 1;
    line++;
    if (line > maxLines && start < text.length) return { offset: start, kind: 'line-count' };
  }
}
