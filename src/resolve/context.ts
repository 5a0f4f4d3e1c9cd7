/** What a section resolver gets: helpers that parse markup and report problems at YAML positions. */
import type { z } from 'zod';
import type { DiagnosticBag, SourcePosition } from '../diagnostics/diagnostic.js';
import type { Inline } from '../inline/ast.js';
import type { InlineParseOptions } from '../inline/parse.js';
import type { ReadResult } from '../load/read-text-file.js';
import type { Locale } from '../locale/locale.js';
import type { RichText, Section } from '../model/cv.js';
import type { PublicationFilter } from './variants.js';

export type RelativePath = readonly (string | number)[];

export interface ResolveContext {
  /** The section's YAML key. */
  readonly key: string;
  readonly diagnostics: DiagnosticBag;
  /**
   * Parses free text (LaTeX subset, inline HTML, Markdown; `options` to read it otherwise); problems become
   * warnings at their place in the value. Absent → [].
   */
  rich(value: string | null | undefined, path: RelativePath, options?: InlineParseOptions): RichText;
  /** Checks a URL with `safeUrl`; an unsafe one is dropped with a warning. */
  url(value: string | null | undefined, path: RelativePath): string | undefined;
  /** Position of a node inside this section's value. */
  position(path: RelativePath): SourcePosition;
  readonly baseDir: string;
  readonly yamlFile: string;
  readonly lenient: boolean;
  readonly social: Readonly<Record<string, string>>;
  /** The CV's language (`locale:`; English when absent): labels the resolver writes into the model. */
  readonly locale?: Locale | undefined;
  /** In a variant: which publications it keeps (`tags`, `selected_only`, `since`). */
  readonly publicationFilter?: PublicationFilter | undefined;
  /** Reads a file named by the data as strict UTF-8; the text is kept for code frames in diagnostics. */
  readTextFile(path: string, displayPath: string, referencedAt: SourcePosition | undefined): ReadResult;
  fileExists(path: string): boolean;
  /** The person's last name: the default owner of publication lists that name none. */
  readonly ownerNames: readonly string[];
  /** The person's name as given names and last name, for finding the owner among a paper's authors. */
  readonly ownerName?: { readonly given: string; readonly last: string } | undefined;
  /**
   * Keys the schema did not know, found in the mapping at `path` (already warned about), as
   * `key: value` lines for the resolver to show. Set by `resolveSection`; absent means none.
   */
  readonly unknownLines?: ((path: RelativePath) => RichText[]) | undefined;
}

/** One section type: the schema of its YAML value and how it becomes part of the model. */
export interface SectionSpec<S extends Section = Section, Schema extends z.ZodType = z.ZodType> {
  readonly type: S['type'];
  readonly description: string;
  readonly schema: Schema;
  /**
   * Whether the resolver shows the values of unknown keys (`ctx.unknownLines`); the warning says so.
   * Absent: they are ignored (an option of a publications list that does not exist).
   */
  readonly showsUnknownKeys?: boolean | undefined;
  /** The resolved section: of this type, or of another whose model fits an older shape better. */
  resolve(value: z.output<Schema>, context: ResolveContext): S | Section;
}

/** Each line of a list field parsed as markup; an absent list is empty. */
export function richLines(
  values: readonly string[] | null | undefined,
  path: RelativePath,
  ctx: ResolveContext,
): RichText[] {
  return (values ?? []).map((value, i) => ctx.rich(value, [...path, i]));
}

/** The unknown keys of the mapping at `path`, as `key: value` lines (see `ResolveContext.unknownLines`). */
export function unknownLines(path: RelativePath, ctx: ResolveContext): RichText[] {
  return ctx.unknownLines?.(path) ?? [];
}

/** `base`, then each extra line after `separator` (for types with one text field and no detail list). */
export function withExtras(base: RichText, extras: readonly RichText[], separator = '; '): RichText {
  if (extras.length === 0) return base;
  const out: Inline[] = [...base];
  for (const extra of extras) {
    if (out.length > 0) out.push({ type: 'text', value: separator });
    out.push(...extra);
  }
  return out;
}
