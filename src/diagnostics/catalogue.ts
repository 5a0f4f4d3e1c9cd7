/**
 * The error catalogue: every diagnostic code vita emits, with its severity, a short title and an explanation
 * (why it happens and what to do). docs/errors.md is generated from it (`renderErrorsMarkdown`, written by
 * scripts/gen-errors-doc.js); test/diagnostics/catalogue.test.ts fails when a code used in src/ is missing
 * here, when an entry is no longer used, or when the docs page is stale.
 */
import type { Severity } from './diagnostic.js';

export interface CatalogueEntry {
  /** `error or warning`: the same code is an error in some cases and a warning in others (see the text). */
  readonly severity: Severity | 'error or warning';
  /** A few words, shown as the entry's title. */
  readonly title: string;
  /** Why it happens and what to do. Markdown (backticks for code). */
  readonly explanation: string;
}

export interface CatalogueStage {
  /** The heading of the stage on the docs page. */
  readonly name: string;
  readonly codes: Readonly<Record<string, CatalogueEntry>>;
}

const INPUT_CODES = {
  'no-input': {
    severity: 'error',
    title: 'No YAML file given',
    explanation:
      'A build was started with an empty list of YAML files. The command line never does this (it reads `cv.yaml` when no file is named); through the library API, pass at least one file.',
  },
  'file-unreadable': {
    severity: 'error',
    title: 'A file cannot be read',
    explanation:
      'A YAML file from the command line, a `.bib` file of a publications section or the file given to `vita import` does not exist, is a folder, or may not be read (permissions). A file named in the YAML is reported at the place that names it. Check the path: paths in the YAML resolve against the folder of the first YAML file.',
  },
  'yaml-alias-limit': {
    severity: 'error',
    title: 'YAML aliases expand too far',
    explanation:
      'Through its aliases (`&name` ... `*name`) and merge keys (`<<`), the file expands to more than 200,000 values, or expands more than 10,000 aliases: aliases nested inside aliases, and merges of merged mappings, multiply. A CV never needs that; it is a broken or hostile file. Remove the aliases that repeat large parts of it.',
  },
  'yaml-nesting-limit': {
    severity: 'error',
    title: 'YAML nests too deep',
    explanation:
      'Lists and mappings nest more than 64 levels deep. Flow collections (`[...]` and `{...}`) are counted before the file is parsed, because parsing such nesting takes time and memory that grow with it; block nesting (by indentation, aliases expanded) when the file is read. A CV needs a few levels. Close the brackets, or quote the text if the brackets belong to it (`about: "{{{"`); check the indentation.',
  },
  'file-too-large': {
    severity: 'error',
    title: 'Input file too large',
    explanation:
      'A YAML file above 1 MB, or a `.bib` file above 256 MB, is refused before it is read: a CV is a few dozen kilobytes and its `.bib` files a few hundred, so this is almost always the wrong file (a PDF, an archive). Check the file name. The limits are listed in docs/formats.md, "Limits".',
  },
  'line-too-long': {
    severity: 'error',
    title: 'A YAML line is too long',
    explanation:
      'A line of the YAML file is longer than 100,000 characters. The file is refused before it is parsed (the position is where the limit is crossed): no CV value needs such a line, and parsing one takes long. Break a long value over several lines with a block scalar (`key: >`), or check that this is the right file.',
  },
  'too-many-lines': {
    severity: 'error',
    title: 'A YAML file has too many lines',
    explanation:
      'The YAML file has more than 50,000 lines (the position is the first line past the limit). It is refused before it is parsed: a CV is a few thousand lines, and parsing stays fast only up to a bound. Check that this is the right file.',
  },
  'value-too-long': {
    severity: 'error',
    title: 'A text value is too long',
    explanation:
      'A YAML string or a BibTeX field (after `@string` macros are expanded) is longer than 100,000 characters. The value is cut there and the build stops: every later stage (markup, typesetting) takes time that grows with it, and no CV entry needs that much text. Check the value; an unclosed quote or brace can swallow the rest of a file.',
  },
  'too-many-items': {
    severity: 'error',
    title: 'Too many items, keys, sections or entries',
    explanation:
      'A YAML list has more than 10,000 items, a mapping more than 10,000 keys, the file more than 1,000 top-level keys (sections), or a `.bib` file more than 200,000 entries. The position is the first one past the limit. A CV is far below each; a file beyond one is generated or wrong. Check that this is the right file.',
  },
  'file-not-utf8': {
    severity: 'error',
    title: 'File is not UTF-8',
    explanation:
      'vita reads every input as strict UTF-8; the message gives the offset of the first invalid byte, and the position points at it. The file was probably saved as Latin-1 or Windows-1252: save it again as UTF-8 (most editors: "Save with encoding").',
  },
  'empty-file': {
    severity: 'error',
    title: 'YAML file is empty',
    explanation:
      'A YAML file holds nothing but blank space, so there is no CV to build. Start from `vita init`, or copy examples/seed/cv.yaml.',
  },
  'yaml-syntax': {
    severity: 'error',
    title: 'Invalid YAML',
    explanation:
      'The YAML parser cannot read the file: the indentation is wrong (or uses tabs), a `[` or `{` is not closed, or a value holds `: ` or starts with a character YAML reserves. Quote such values (`title: "Part 1: the start"`) and indent with spaces; the hint names the likely fix. vita reads what PyYAML (the original tool\'s reader) reads, so a file it refuses was refused by the original too.',
  },
  'yaml-quoted-indent': {
    severity: 'warning',
    title: 'Quoted value continues at a smaller indentation',
    explanation:
      "A quoted value (`\"...\"` or `'...'`) runs over several lines, and some of them are indented less than its key (even at column 0). Strict YAML parsers refuse this; PyYAML, the original tool's reader, ignores the indentation inside quotes, and so does vita: the value is read exactly as PyYAML reads it (line breaks fold into spaces). Indent the continuation lines under the value, or use a block scalar (`key: >`), to silence the warning.",
  },
  'yaml-unknown-escape': {
    severity: 'warning',
    title: 'Unknown escape in a double-quoted value',
    explanation:
      'Inside double quotes a backslash starts an escape (`\\n`, `\\"`, `\\\\`...), and this one (for example `\\h` from `\\href`) is not a YAML escape. PyYAML refuses the file; vita keeps the backslash and the letter as written, which is what a LaTeX command inside double quotes means. Double the backslash (`\\\\href`) or use single quotes, in which a backslash is an ordinary character.',
  },
  'yaml-duplicate-key': {
    severity: 'warning',
    title: 'Key given twice in one mapping',
    explanation:
      "The same key appears twice in one mapping (the message gives both places). PyYAML, the original tool's reader, keeps the last value, and so does vita. Remove one of the two, or merge their contents.",
  },
  'yaml-recursive-alias': {
    severity: 'error',
    title: 'YAML alias inside its own value',
    explanation:
      'An alias (`*name`) refers to the value that contains it (`a: &x [*x]`, `b: &y {c: *y}`). PyYAML builds a structure that contains itself; a CV cannot show one (it would never end), so vita refuses it. An alias may only repeat a value defined before it and outside it.',
  },
  'yaml-merge-self': {
    severity: 'warning',
    title: 'Mapping merged into itself',
    explanation:
      'A merge key (`<<: *x`) inside the mapping `&x` (or inside a mapping that mapping merges) merges the mapping into itself. PyYAML reads it, adding only the keys the mapping already has; vita does the same and warns, because the entry has no effect. Remove it.',
  },
  'yaml-merge-invalid': {
    severity: 'error',
    title: 'Merge key with a value that is not a mapping',
    explanation:
      'A merge key (`<<`) copies the keys of a mapping into the mapping that holds it: its value must be a mapping (usually an alias, `<<: *defaults`) or a list of them (`<<: [*a, *b]`; the earlier one wins). PyYAML refuses any other value, and so does vita. Quote the key (`"<<":`) if it is meant as text.',
  },
  'yaml-warning': {
    severity: 'warning',
    title: 'Suspicious YAML',
    explanation:
      'The file parses, but the YAML parser found something it accepts with doubt: an unknown tag such as `!foo` (its value is read as plain text), an anchor or alias ending in `:`, or a flow collection indented less than its parent. Remove the tag, or quote the value it was meant for.',
  },
} satisfies Record<string, CatalogueEntry>;

const SCHEMA_CODES = {
  'unknown-key': {
    severity: 'error or warning',
    title: 'Unknown key',
    explanation:
      'A key is not part of the format at this place: usually a typo (the hint suggests the closest known key, or lists the keys allowed there). Inside a section (an entry of `education`, an option of a publications list, ...) it is a warning and the build goes on: the entry shows the value as a further `key: value` detail line, and an unknown publications option is ignored. It is an error next to `type:` in a section (other than publications), where the only keys beside it are `title` and `items`; the entries go under `items:`. See docs/formats.md for the keys of each section type and docs/compatibility.md for the older shapes vita reads.',
  },
  'missing-key': {
    severity: 'error',
    title: 'Required key missing',
    explanation:
      'An entry lacks a key its section type requires (for example an education entry without `school`). Add the key named in the message.',
  },
  'wrong-type': {
    severity: 'error',
    title: 'Value of the wrong type',
    explanation:
      'A value has the wrong shape: text where a list is expected, a list where a mapping is, and so on; the message says what was expected and what was found. Also reported when a YAML file is not a mapping of keys at its top level (`name:`, `education:`, ...).',
  },
  'value-converted': {
    severity: 'warning',
    title: 'Value converted to text',
    explanation:
      'A value where text is expected has another type that reads the same as text: a list of words (`details: [a, b]` where one line is expected) is joined with commas, a number where a URL or name is expected is written as it stands. The output shows the converted text; write the value as text to silence the warning.',
  },
  'invalid-value': {
    severity: 'error',
    title: 'Value not allowed',
    explanation:
      'A value has the right type but is not one of the allowed values (the message lists them), or breaks another rule of its key: for instance a publications section needs either `file:` or `categories:`, not both and not neither.',
  },
  'missing-name': {
    severity: 'warning',
    title: 'No name',
    explanation:
      'The CV has no `name:` (or the name is empty), so the outputs have no title. Add `name: {first: Ada, last: Lovelace}` (or `name: Ada Lovelace`) at the top of the file.',
  },
  'order-unknown-section': {
    severity: 'warning',
    title: 'Order list names a missing section',
    explanation:
      '`order`, `order_md` or `order_latex` lists a key that is not a section of the file (a typo, a renamed section, or a top-level key such as `name`), so the entry is skipped. Fix the key (the hint suggests the closest section) or remove the line; `NEWPAGE` is the only key that is not a section.',
  },
  'order-entry-extra': {
    severity: 'warning',
    title: 'Order entry has parts vita does not use',
    explanation:
      'An order entry has more than `[key, Title]` (a third element), or its mapping form (`{tag: key, title: Title, ...}`) has a field other than `tag`, `title`, `tags`, `display-web`, `display-pdf` and `display-<variant>` of a declared variant. The extra part is ignored and the section is shown. `display-short` (a short CV, in some forks) works when a variant `short` is declared under `variants:` (docs/formats.md, "Variants"); without one it is ignored. To show a section only on the web or only in print, use `display-web: no` / `display-pdf: no`, or separate `order_md` and `order_latex` lists.',
  },
  'order-entry-unreadable': {
    severity: 'warning',
    title: 'Order entry cannot be read',
    explanation:
      "An order entry names no section (a number, an empty list, a mapping without `tag:`), its title is not text, or the order itself is not a list. The entry is skipped (for an unreadable order, every section is shown in the file's order). Write entries as `[key, Title]`, `key`, or `{tag: key, title: Title}`.",
  },
  'person-field-unused': {
    severity: 'warning',
    title: 'Field of a person mapping not used',
    explanation:
      "A mapping under `personal:`, `contact:` or `about:` gave the person's details (name, email, phone, url, location, profiles), and it has another field that is none of them. As `personal:`/`contact:` is not in the order, nothing shows that field. Add the key to the order (e.g. `[contact, NONE]`) to show the rest as a section, or move the field to a section of its own.",
  },
  'section-unused': {
    severity: 'warning',
    title: 'Section not in any order list',
    explanation:
      'The file has order lists, and a section appears in none of them, so no output shows it. Add `[key, "Title"]` to `order` (or `order_md` / `order_latex`), or delete the section if it is no longer wanted.',
  },
  'unknown-section-type': {
    severity: 'warning',
    title: 'Unknown section type',
    explanation:
      'A section declares `type:` with a value that is not a section type, so its other keys are rendered generically (as rows, details and labelled groups, see docs/formats.md). The hint suggests the closest type or lists them all (docs/formats.md describes each).',
  },
  'unknown-section': {
    severity: 'warning',
    title: 'Section of unknown type',
    explanation:
      'A section key is not one vita recognises (such as `education` or `publications`) and it declares no `type:`, so it is rendered generically: scalars as a list, a list of mappings as rows (title-like fields first, date-like fields on the right, the rest as details), a mapping as labelled groups. Nothing in it is left out. If it is a known kind of section under another name, set the type: `prizes: {type: honors, items: [...]}`; to keep the generic layout without the warning, write `key: {type: generic, items: ...}`.',
  },
  'section-generic': {
    severity: 'warning',
    title: 'Section rendered generically',
    explanation:
      "A known section key (such as `education`) holds a value whose shape its section type does not accept: a mapping where a list is expected, a list of plain lines where entries are expected, a key the type does not know. Rather than stop, vita shows the value as it is, laid out generically, and reports each difference as a warning at its place. Fix the differences to get the section's own layout, or write `key: {type: generic, items: ...}` to keep the generic one.",
  },
  'unknown-color': {
    severity: 'warning',
    title: 'Unknown print colour',
    explanation:
      "`color`, `color2` or `linkcolor` is not a colour vita knows, so the PDF and cv.tex use their default. Use a colour name (the hint lists them, as the original's moderncv named them), `#rrggbb`, or three numbers from 0 to 1 such as `0.17,0.44,0.51`.",
  },
  'design-option': {
    severity: 'warning',
    title: 'Design option vita cannot use',
    explanation:
      'A value under `design:` has the right type but cannot be used (a margin such as `3 parsecs`, or one wider than 3 inches), so the PDF theme keeps its own value for it. Write a length as `2cm`, `20mm`, `0.75in` or `54pt`.',
  },
  'theme-not-found': {
    severity: 'error',
    title: 'PDF theme not found',
    explanation:
      '`theme:` names neither a built-in theme nor an existing `.typ` file (a path is resolved against the folder of cv.yaml). Use a built-in theme (the hint lists them) or fix the path.',
  },
  'font-folder-not-found': {
    severity: 'warning',
    title: 'Font folder not found',
    explanation:
      '`fonts:` names a folder that does not exist (a path is resolved against the folder of cv.yaml). The PDF is built with the other fonts; a character only that folder has a glyph for shows as an empty box (`pdf-missing-glyph`).',
  },
  'theme-link-outside': {
    severity: 'warning',
    title: 'Link in the theme folder leads outside it',
    explanation:
      "The folder of your own PDF theme holds a symbolic link that resolves outside that folder (say to `/etc/passwd`). A theme may read only files inside its folder, so the link is hidden from it: the theme is compiled with a copy of the files that stay inside. Copy the file into the theme's folder instead of linking to it. Also given when the folder is too large (over 20,000 entries) to check in full.",
  },
  'text-language-missing': {
    severity: 'warning',
    title: 'Text missing in the language built',
    explanation:
      "A text written per language (`title: {en: ..., de: ...}`) has none in the language being built (`locale:` of the file or of a variant). The text of the file's default language is shown, else the first one written. Add the missing language to the mapping.",
  },
  'variant-unknown': {
    severity: 'error',
    title: 'No such variant',
    explanation:
      '`--variant NAME` names a variant the YAML does not declare under `variants:`. The hint lists the variants it declares; without `--variant`, `vita build` builds the full CV and every variant.',
  },
  'locale-unknown': {
    severity: 'warning',
    title: 'Locale not known',
    explanation:
      '`locale:` is not a BCP 47 language tag (`de`, `pt-BR`, `zh-Hans`), or names a language vita has no labels for. The CV is built in English. The hint lists the languages vita knows; docs/formats.md ("Languages") shows how to add one.',
  },
} satisfies Record<string, CatalogueEntry>;

const MARKUP_CODES = {
  markup: {
    severity: 'warning',
    title: 'Problem in text markup',
    explanation:
      'A text field in the YAML has a markup problem: an unknown LaTeX command (its argument is kept as text; reported once per command name and file), an HTML tag the field cannot show (its text is kept; `<script>` and the like are left out), a command without its argument, an unclosed `{` or a stray `}`. Fix the markup (docs/formats.md lists what is understood), or escape the character (`\\{`, `\\}`, `\\&`).',
  },
  'unsafe-url': {
    severity: 'warning',
    title: 'Link not allowed',
    explanation:
      'A URL in the YAML uses a scheme other than http, https or mailto (for example `javascript:` or `file:`), so it is shown but not linked. Use an http(s) address or a relative link.',
  },
} satisfies Record<string, CatalogueEntry>;

const PUBLICATION_CODES = {
  'bibtex-syntax': {
    severity: 'error or warning',
    title: 'Malformed BibTeX',
    explanation:
      'The `.bib` file does not follow BibTeX syntax at this place: a missing `{` after `@type`, a missing `=` after a field name, a field without a value, an unexpected character where a `,` or a value belongs. The reader skips to the next entry, so one mistake does not hide the rest. An `@` at the start of a line with no entry type after it is only a warning (the text up to the next `@` is ignored). Entries look like `@article{key, title = {...}, year = {2024}}`.',
  },
  'bibtex-unbalanced-braces': {
    severity: 'error or warning',
    title: 'Unbalanced braces in BibTeX',
    explanation:
      'A `{` has no matching `}` (a value ran into the next entry), a `"` is never closed, a `}` has no `{`, or an extra `}` closed an entry early so the text after it is lost. The hint often names the field whose `}` is missing. Write a literal brace as `\\{` or `\\}`. An `@comment` not closed before the next entry is only a warning.',
  },
  'bibtex-stray-at': {
    severity: 'warning',
    title: 'Stray @',
    explanation:
      'An entry starts with more than one `@` (`@@article{...}`); it is read as one. Remove the extra `@`.',
  },
  'bibtex-missing-key': {
    severity: 'warning',
    title: 'BibTeX entry without a key',
    explanation:
      "An entry has no citation key: `@article{, title = ...}` or `@article{title = ...}` instead of `@article{smith2024, title = ...}`. The entry is read and given a key made of the first author's last name, the year and the first word of the title (`smith2024deep`; `-2` is added when that key is taken); the message names it. Write the key right after the opening brace.",
  },
  'bibtex-missing-comma': {
    severity: 'warning',
    title: 'Missing comma in BibTeX',
    explanation:
      'A `,` is missing after the citation key or between two fields (`url = {...}` then `codeurl = {...}` on the next line). The next field is read as if the comma were there (bibtexparser merged it into the value before, so its link was lost); add the comma.',
  },
  'bibtex-duplicate-field': {
    severity: 'warning',
    title: 'Field set twice',
    explanation:
      'An entry sets the same field twice (field names ignore case); the last value is used. Remove one of them.',
  },
  'bibtex-unknown-entry-type': {
    severity: 'warning',
    title: 'Unknown BibTeX entry type',
    explanation:
      'The entry type is not a BibTeX, biblatex or other common type (often a typo such as `@mphdthesis`); the entry is read, like the standard type its name suggests (`@mphdthesis` like `@phdthesis`, a name with `article` like `@article`), else like `@misc`; the message names it. Use a common type: `@article`, `@inproceedings`, `@misc`, `@techreport`, `@phdthesis`, `@book`. biblatex types (`@online`, `@software`, `@dataset`, `@report`, `@thesis`, ...) are known and need no warning.',
  },
  'bibtex-duplicate-key': {
    severity: 'warning',
    title: 'Duplicate citation key',
    explanation:
      'Two entries have the same key, in one `.bib` file or across the files of one publications list (they share their keys). Both are kept: the second is renamed by adding `-2` (`-3`, ...), and the message names both positions and the new key. Rename or remove one. Keys that differ only in case are also a warning: BibTeX treats them as one key.',
  },
  'bibtex-undefined-macro': {
    severity: 'warning',
    title: 'Undefined BibTeX macro',
    explanation:
      'A field value is a bare word (`journal = Nature`, `selected = true`) that no `@string` defines (in this file or the files of the section before it) and that is not a month name. BibTeX reads it as empty; vita keeps the word as the text, so nothing is lost. Put text in braces (`{Nature}`), or define the macro with `@string{nature = {Nature}}`.',
  },
  'bibtex-macro-too-long': {
    severity: 'error',
    title: 'BibTeX macro expansion too long',
    explanation:
      "Expanding `@string` macros would make a value longer than 100,000 characters (the longest value vita reads), or the file's expansions far longer than the file (64 characters per character of the file). Chains such as `@string{b = a # a}`, `@string{c = b # b}` double at every step, so a few dozen lines would need more memory than any machine has. The rest of the value is dropped. Define the macros without such chains.",
  },
  'bibtex-crossref-missing': {
    severity: 'warning',
    title: 'crossref to a missing entry',
    explanation:
      "An entry has `crossref = {key}`, but no entry of its file (or of the files of its publications list) has that key (compared ignoring case, as BibTeX does), so it inherits nothing. Add the entry it refers to (usually a `@proceedings` or `@book`), or remove the `crossref`. With the entry present, the fields the child lacks are taken from it, and a `@proceedings` or `@book` parent's `title` becomes the `booktitle` of an `@inproceedings`, `@incollection` or `@inbook`.",
  },
  'bibtex-latex': {
    severity: 'warning',
    title: 'Problem in LaTeX of a BibTeX field',
    explanation:
      'The LaTeX in a field (title, venue, note, abstract, author) has a problem: an unknown command (its argument is kept as text), a missing argument, unbalanced braces inside the value. The position points into the field. Fix the LaTeX, or simplify it to the subset listed in docs/formats.md.',
  },
  'bibtex-author-list': {
    severity: 'warning',
    title: 'Malformed author list',
    explanation:
      'The `author` field has an empty name (a doubled `and`, an `and` at the start or the end, a lone comma) or a name with more than two commas (BibTeX names are `First Last`, `Last, First` or `von Last, Jr, First`). Separate authors with ` and `, and wrap a name that holds commas in braces. Every name written is kept.',
  },
  'publication-file-not-found': {
    severity: 'error or warning',
    title: '.bib file not found',
    explanation:
      'The `file:` of a publications section names a `.bib` file that is neither in the `publications/` folder beside the YAML nor beside the YAML itself; the message lists the paths tried. Fix the name, or move the file there. A section written as the path alone (`publications: publications.bib`, as the original allowed) gets a warning instead, and is empty.',
  },
  'publication-missing-title': {
    severity: 'warning',
    title: 'Publication without a title',
    explanation: 'An entry has no `title` (or an empty one); it is listed without one. Add `title = {...}`.',
  },
  'publication-missing-author': {
    severity: 'warning',
    title: 'Publication without authors',
    explanation:
      'An entry has no `author` field; it is listed without authors. Add `author = {Last, First and ...}`.',
  },
  'publication-missing-venue': {
    severity: 'warning',
    title: 'Publication without a venue',
    explanation:
      'An entry names no venue: no `_venue` (the short name vita shows, `_venue = {ICML}`) and none of `booktitle`, `journal`, `journaltitle`, `series`, `publisher`, `school`, `institution`, `howpublished`, nor an arXiv `eprint`. It is listed without a venue. Without `_venue`, the first of those fields is shown, shortened when it is a well-known venue (docs/publications.md).',
  },
  'publication-missing-year': {
    severity: 'warning',
    title: 'Publication without a year',
    explanation:
      'An entry has no `year` and no biblatex `date` (or empty ones). It is listed last, under the heading "Undated" when the list is grouped by year. Add `year = {2024}`.',
  },
  'publication-year-not-numeric': {
    severity: 'warning',
    title: 'Year without a year in it',
    explanation:
      'The `year` of an entry is text with no year in it and not one of the words of a paper not out yet (`to appear`, `in press`, `submitted`, `forthcoming`, `under review`, ...). It is shown as written and listed after the dated entries. Write the year as digits.',
  },
  'publication-unknown-option': {
    severity: 'warning',
    title: 'Unknown option of a publications section',
    explanation:
      'A publications section (or one of its `categories`) has an option vita does not know, often a typo (the hint names the closest option) or an option of another tool (`image_height`). It is ignored; the section is built from the others.',
  },
  'publication-unsafe-url': {
    severity: 'warning',
    title: 'Publication link not allowed',
    explanation:
      'A link field of an entry (`link`, `url`, `arxiv`, `codeurl`, `slidesurl`, `pdf`, `html`, `supp`, `blog`, ...) uses a scheme other than http, https or mailto, so it is not linked. Use an http(s) address or a relative link.',
  },
  'publication-author-url-ambiguous': {
    severity: 'error',
    title: 'Author matches several `author_urls` keys',
    explanation:
      'A key of `author_urls` matches every author whose "First Last" contains it, and this author matches more than one key, so the link is ambiguous. Make the keys longer (a full name rather than a last name) so that only one matches.',
  },
  'publication-author-url-missing': {
    severity: 'error',
    title: 'Co-authors without a link',
    explanation:
      'The section sets `error_without_author_url: true`, and some co-authors match no key of `author_urls`; the message lists each with the entries they appear in. Add them to `author_urls`, or set `error_without_author_url: false`.',
  },
  'image-outside-folder': {
    severity: 'warning',
    title: 'Publication image outside the CV folder',
    explanation:
      'With `include_image`, the image of an entry lies outside the folder of the YAML file (an `image_dir` with `..` or an absolute path, or a symbolic link, itself or a folder on its way, that resolves outside), so it is neither shown nor copied to the output. Keep `image_dir` inside the CV folder and copy images instead of linking to them.',
  },
  'image-unreadable': {
    severity: 'warning',
    title: 'Publication image cannot be read',
    explanation:
      'The image of an entry was found but could not be copied to the output (permissions, it changed while building, it is not a regular file (a FIFO, a device, a folder), or it is larger than 32 MB); the web page refers to a missing file. Check the file in `image_dir`.',
  },
} satisfies Record<string, CatalogueEntry>;

/** All are warnings: the network never fails a build. */
const ENRICH_CODES = {
  'enrich-repo-url-invalid': {
    severity: 'warning',
    title: '`repo_url` names no GitHub repository',
    explanation: 'A repo_url on a GitHub host does not name a repository (OWNER/NAME).',
  },
  'enrich-repo-missing': {
    severity: 'warning',
    title: 'GitHub repository not found',
    explanation: 'GitHub answered 404 (REST) or NOT_FOUND (GraphQL) for a repository; its row has no count.',
  },
  'enrich-repo-moved': {
    severity: 'warning',
    title: 'GitHub repository moved',
    explanation: 'A repository was renamed or transferred; its new URL is used and should go in the YAML.',
  },
  'enrich-rate-limited': {
    severity: 'warning',
    title: 'GitHub rate limit reached',
    explanation:
      'GitHub rate limit reached and the reset is beyond the wait cap; the remaining repositories use the cache.',
  },
  'enrich-fetch-failed': {
    severity: 'warning',
    title: 'Request failed',
    explanation:
      'A request failed after its retries (timeout, network error, 5xx, bad JSON); the cached value is used if any.',
  },
  'enrich-author-not-found': {
    severity: 'warning',
    title: 'Author id unknown to the citation source',
    explanation: 'OpenAlex, Semantic Scholar or Google Scholar does not know the id from `social`.',
  },
  'enrich-id-invalid': {
    severity: 'warning',
    title: 'Malformed id in `social`',
    explanation: 'A `social` id (orcid, openalex, semantic_scholar, google_scholar) has the wrong form.',
  },
  'enrich-offline-missing': {
    severity: 'warning',
    title: 'Offline, and values never cached',
    explanation: 'Offline, and some values have never been cached; they are omitted (one summary).',
  },
  'enrich-cache-corrupt': {
    severity: 'warning',
    title: 'Corrupt cache file',
    explanation:
      'A cache file is not valid JSON, has another format version or the wrong shape; it is ignored and kept, and moved aside before new values are written.',
  },
  'enrich-cache-moved-aside': {
    severity: 'warning',
    title: 'Damaged cache file moved aside',
    explanation:
      'A cache file that could not be read in full was renamed to `<name>.corrupt-<time>` before the new cache was written, so nothing in it is lost.',
  },
  'enrich-cache-unreadable': {
    severity: 'warning',
    title: 'Cache file cannot be read',
    explanation:
      'A cache file exists but cannot be read; values are fetched afresh, and the file is moved aside before new values are written.',
  },
  'enrich-cache-write-failed': {
    severity: 'warning',
    title: 'Cache cannot be written',
    explanation: 'The cache folder cannot be written; the next build fetches again.',
  },
} satisfies Record<string, CatalogueEntry>;

const TARGET_CODES = {
  'url-too-long': {
    severity: 'warning',
    title: 'A link is too long for the PDF',
    explanation:
      'Typst links URLs of up to 8,000 bytes. A longer one (a link with a huge query string, or text pasted into a URL field) is left out of the PDF: its text is shown without the link, and the other targets keep it. Shorten the URL (a DOI, a short link).',
  },
  'html-missing-section': {
    severity: 'warning',
    title: 'Web layout names a missing section',
    explanation:
      'The web layout (`order_md` or `order`) names a section the CV model does not have, and the page leaves it out. Reading cv.yaml reports this as `order-unknown-section` first, so this shows up only for a CV model built another way (the library API). Check the key against the section keys.',
  },
  'html-invalid-base-url': {
    severity: 'warning',
    title: 'Base URL is not an absolute http(s) URL',
    explanation:
      'The `--base-url` given is not an absolute http or https address, so the standalone page is written without its canonical and absolute links. Pass the address where the page is published, e.g. `--base-url https://example.github.io/cv/`.',
  },
  'html-unsafe-markup': {
    severity: 'warning',
    title: 'Active HTML removed from the web page',
    explanation:
      'The HTML of an `about` section holds elements or attributes that could run code, load content or change the page (`script`, `style`, `img`, `form`, `on...` attributes, `javascript:` links, ...); the standalone page drops them (the Jekyll page keeps the HTML as is). Keep to p, a, b, strong, i, em, br, ul, ol, li, span and code, with href and title.',
  },
  'latex-missing-section': {
    severity: 'warning',
    title: 'Print layout names a missing section',
    explanation:
      'The print layout (`order_latex` or `order`) names a section the CV model does not have, and cv.tex leaves it out. Reading cv.yaml reports this as `order-unknown-section` first, so this shows up only for a CV model built another way (the library API).',
  },
  'latex-unsupported-style': {
    severity: 'warning',
    title: 'Style not available in cv.tex',
    explanation:
      'cv.tex has a single look, moderncv\'s "banking" style, and `style:` asks for another; it is ignored. Colours (`color`, `color2`, `linkcolor`) and `paper` still apply. Remove `style:` or set it to `banking`.',
  },

  'latex-unsupported-character': {
    severity: 'warning',
    title: 'Character pdfLaTeX cannot typeset',
    explanation:
      'The text holds characters (for example CJK, emoji or rare symbols) that pdfLaTeX with the fonts cv.tex loads has no glyph for; cv.tex prints a boxed "?" in their place. The default Typst PDF engine typesets them (omit `--pdf-engine latex`); or write the text with Latin letters or LaTeX accent commands such as `\\"o`.',
  },
  'latex-compile': {
    severity: 'error',
    title: 'pdfLaTeX failed',
    explanation:
      "With `--pdf-engine latex`, pdfLaTeX stopped on an error while compiling cv.tex (or latexmk failed without one); the message gives TeX's error and, where it can, the section whose text caused it. Usually a text field holds something pdfLaTeX cannot typeset, or the TeX installation lacks a package (the hint names it). The default Typst engine does not need TeX.",
  },
  'latex-not-installed': {
    severity: 'error',
    title: 'latexmk or pdfLaTeX not found',
    explanation:
      '`--pdf-engine latex` needs latexmk and pdfLaTeX on the PATH, and one of them is missing. Install TeX Live with latexmk (the hint names the packages), or use the default Typst engine, which needs nothing else.',
  },
  'latex-timeout': {
    severity: 'error',
    title: 'latexmk timed out',
    explanation:
      'latexmk did not finish in time and was stopped: a TeX loop in cv.tex, or a very slow machine. Retry, or use the default Typst engine.',
  },

  'typst-compile': {
    severity: 'error',
    title: 'PDF theme failed to compile',
    explanation:
      'Typst reported an error while typesetting the PDF. For your own theme, the message points into the `.typ` file: a theme must export `render(data)`, with the data described in docs/themes.md; compile the generated files in the output folder with `typst compile` to debug it. For a built-in theme this is a bug in vita: please report it with your cv.yaml.',
  },
  'typst-warning': {
    severity: 'warning',
    title: 'Typst warning',
    explanation:
      "Typst compiled the PDF but warned about something in the theme (an unknown font, a deprecated function, ...). The message is Typst's; fix the theme file it points to.",
  },
  'pdf-missing-glyph': {
    severity: 'warning',
    title: 'Character with no glyph in the PDF',
    explanation:
      "A character in the CV (the message names it, its code point and the field) is in none of the fonts the PDF loads: Typst's embedded fonts, vita's bundled Source Sans 3 and the font folders named in cv.yaml. The machine's own fonts are never used, so that the PDF is the same everywhere; Typst would print an empty box. Write the character another way, or name a folder holding a font that has it.",
  },
  'typst-unavailable': {
    severity: 'error',
    title: 'Typst compiler cannot be loaded',
    explanation:
      'The native Typst compiler module (@myriaddreamin/typst-ts-node-compiler) could not be loaded, usually because it was installed for another platform or Node version. Run `npm install` again on this machine, or build the PDF with `--pdf-engine latex`.',
  },
  'typst-worker-stopped': {
    severity: 'error',
    title: 'Typst compiler stopped',
    explanation:
      'The Typst compiler runs on a thread of its own while the other outputs render. That thread ended before it returned the PDF (it ran out of memory, or failed outside a compile), so the build has no PDF and writes nothing. The next build (in watch mode, the next save) starts the compiler anew, on a new thread if the old one had worked, else on the main thread. If it stops again on the same CV, look at the free memory, or build the PDF with `--pdf-engine latex`.',
  },
  'jsonresume-email': {
    severity: 'warning',
    title: 'Email left out of cv.json',
    explanation:
      'The `email` of the CV is not an address the JSON Resume schema accepts, so cv.json leaves it out. Write a plain address (`ada@example.org`), without a name or `mailto:`.',
  },
} satisfies Record<string, CatalogueEntry>;

const COMMAND_CODES = {
  'check-skip-invalid': {
    severity: 'error',
    title: 'Invalid pattern in `check.skip`',
    explanation:
      'An entry of `check.skip` is written as a regular expression (`/.../` or starting with `^`) but does not compile. Fix the expression, or write a plain prefix such as `https://example.org/`.',
  },
  'broken-link': {
    severity: 'error',
    title: 'Broken link',
    explanation:
      '`vita check --links` fetched a link and got an error status (404, 500, ...) or no answer (unknown host, timeout, invalid URL); the message gives the reason and any redirect. Fix or remove the link, or add it to `check: {skip: [...]}` if it is expected to fail.',
  },
  'link-unverified': {
    severity: 'warning',
    title: 'Link not verified',
    explanation:
      '`vita check --links` got 401, 403 or 429 for a link: the server refuses automated checks, so the link may well work. Open it in a browser; add it to `check: {skip: [...]}` to stop checking it.',
  },
  'watch-build-failed': {
    severity: 'error',
    title: 'Rebuild failed in watch mode',
    explanation:
      '`vita watch` could not finish a rebuild for a reason outside the CV, usually writing the output (disk full, permissions, a file locked by another program). Watching goes on, and the next change rebuilds; fix the cause given in the message.',
  },
  'watch-failed': {
    severity: 'error',
    title: 'Watching the inputs failed',
    explanation:
      '`vita watch` could not watch an input for changes (the operating system refused: on Linux, usually the limit of file watches, `fs.inotify.max_user_watches` or `max_user_instances`, is reached). Edits may not rebuild until the cause is fixed; the server keeps running and the next change that is seen rebuilds. Raise the limit (`sudo sysctl fs.inotify.max_user_instances=512`), close other programs that watch many files, or restart `vita watch`.',
  },
  'import-json-syntax': {
    severity: 'error',
    title: 'Invalid JSON',
    explanation:
      'The file given to `vita import jsonresume` is not valid JSON; the position points at the first problem. Fix the JSON (a trailing comma or a missing quote, usually); nothing is written.',
  },
  'import-wrong-type': {
    severity: 'error',
    title: 'JSON Resume field of the wrong type',
    explanation:
      'A field of the JSON Resume document has the wrong shape (text where a list is expected, ...), so the document does not follow the schema; nothing is written. See https://jsonresume.org/schema for the shape of each field.',
  },
  'import-unsupported': {
    severity: 'warning',
    title: 'JSON Resume field not imported',
    explanation:
      'cv.yaml has no place for this field of the JSON Resume document; the message says why. Copy what matters into cv.yaml by hand.',
  },
  'import-changed': {
    severity: 'warning',
    title: 'JSON Resume field imported with a change',
    explanation:
      'An entry or field was imported differently from how the document has it, or skipped because a value vita needs is missing (an education entry without its institution, a publication without a year). Check that part of the written cv.yaml or publications.bib.',
  },
} satisfies Record<string, CatalogueEntry>;

const OUTPUT_CODES = {
  'output-write-failed': {
    severity: 'error',
    title: 'Output could not be written',
    explanation:
      'The file system refused the output: `--out` names a file, a folder stands where an output file goes, or the folder is not writable or full. Nothing was replaced and no temporary file is left; only when a rename fails half-way are the outputs already replaced named in the message (every other output is unchanged). Fix the output folder and build again.',
  },
  'output-overwrites-input': {
    severity: 'error',
    title: 'An output would overwrite an input',
    explanation:
      'An output file (with `--out` and `--html-name`) has the path of a file the build read: a YAML file, a `.bib` file, the PDF theme (`theme:`), a publication image or a file of the enrichment cache. Paths are compared after following links and `..`. Nothing was written; choose another output folder or page name.',
  },
  'input-outside-folder': {
    severity: 'error',
    title: 'An input lies outside the CV folder',
    explanation:
      'A `.bib` file of a publications section or the PDF theme (`theme:`) resolves, after following links and `..`, to a place outside the folders of the YAML files. vita reads only files inside those folders, so a CV (or a link in its folder) cannot pull another file of the machine into the published output. To read another folder, name it on the command line: `--allow-read <folder>` (build, watch, check; may be repeated), or `allowRead` in the library.',
  },
  'stale-temp-files-removed': {
    severity: 'warning',
    title: 'Leftover temporary files removed',
    explanation:
      'An earlier build was killed or failed (a full disk) while writing and left `*.vita-tmp-<pid>-<hex>` files beside its outputs. The build removes those whose process is gone (or that are older than ten minutes) from the folders it writes, and says how many. Nothing needs doing.',
  },
} satisfies Record<string, CatalogueEntry>;

const INTERNAL_CODES = {
  internal: {
    severity: 'error',
    title: 'Internal error',
    explanation:
      'An output target failed with an unexpected exception: a bug in vita, not a problem in your files. Please report it with the input that triggers it; with `VITA_DEBUG=1` set, the exception is thrown with its stack trace instead.',
  },
} satisfies Record<string, CatalogueEntry>;

/** The codes by stage, in pipeline order: the sections of the docs page. */
export const DIAGNOSTIC_STAGES: readonly CatalogueStage[] = [
  { name: 'Input files and YAML', codes: INPUT_CODES },
  { name: 'Schema and sections', codes: SCHEMA_CODES },
  { name: 'Markup and links in cv.yaml', codes: MARKUP_CODES },
  { name: 'BibTeX and publications', codes: PUBLICATION_CODES },
  { name: 'Enrichment (GitHub stars, citation counts)', codes: ENRICH_CODES },
  { name: 'Targets (html, tex, pdf, json)', codes: TARGET_CODES },
  { name: 'Writing the output', codes: OUTPUT_CODES },
  { name: 'Commands (check, watch, import)', codes: COMMAND_CODES },
  { name: 'Internal', codes: INTERNAL_CODES },
];

/** Every diagnostic code vita emits. */
export const DIAGNOSTIC_CATALOGUE = {
  ...INPUT_CODES,
  ...SCHEMA_CODES,
  ...MARKUP_CODES,
  ...PUBLICATION_CODES,
  ...ENRICH_CODES,
  ...TARGET_CODES,
  ...OUTPUT_CODES,
  ...COMMAND_CODES,
  ...INTERNAL_CODES,
} as const satisfies Record<string, CatalogueEntry>;

/** A diagnostic's code: one of the catalogue's, so a new code cannot be used without its entry. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CATALOGUE;

/** The docs page of errors (docs/errors.md). */
export function renderErrorsMarkdown(): string {
  const out: string[] = [
    '# Errors and warnings',
    '',
    '<!-- Generated from src/diagnostics/catalogue.ts by `node scripts/gen-errors-doc.js` (after `npm run build`). Do not edit. -->',
    '',
    'Every problem vita reports has a stable code, printed at the end of its line:',
    '',
    '```',
    'cv.yaml:12:5: error: unknown key `titel` in `education[0]` [unknown-key]',
    '```',
    '',
    'An **error** stops the build: nothing is written and the exit code is 1. A **warning** is printed and the',
    'build goes on, unless `--strict` is given. A few codes are an error or a warning depending on the case',
    '(a missing .bib file, for instance, is a warning for a section given as the path alone); their text says when.',
    '',
    `This page lists all ${Object.keys(DIAGNOSTIC_CATALOGUE).length} codes, by the stage that reports them:`,
    '',
  ];
  for (const stage of DIAGNOSTIC_STAGES) out.push(`- [${stage.name}](#${headingAnchor(stage.name)})`);
  for (const stage of DIAGNOSTIC_STAGES) {
    out.push('', `## ${stage.name}`);
    for (const [code, entry] of Object.entries(stage.codes)) {
      out.push('', `### \`${code}\``, '', `**${entry.severity}**: ${entry.title}`, '', entry.explanation);
    }
  }
  out.push('');
  return out.join('\n');
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens. */
function headingAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
}
