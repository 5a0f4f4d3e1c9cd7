/**
 * Every web link of a CV with the place it is written: in the YAML (the person's links and every section
 * the layouts use) and in the .bib files of its publications sections (link fields, DOIs, and links in
 * text fields). Read from the files themselves, so each link has its file:line:col.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Diagnostic, SourcePosition } from '../diagnostics/diagnostic.js';
import { readBibtex } from '../load/bibtex/reader.js';
import { sourceOffsetOf } from '../load/bibtex/types.js';
import { readTextFile } from '../load/read-text-file.js';
import type { YamlSource } from '../load/yaml-source.js';
import { displayPath } from '../pipeline/load-cv.js';
import { doiUrl, normalizeDoi, urlValue } from '../resolve/publications/fields.js';
import { locateBibFile } from '../resolve/publications/files.js';
import { LINK_FIELDS } from '../resolve/publications/publication.js';
import { absoluteWebUrl } from '../util/safe-url.js';
import { urlsInText } from './urls-in-text.js';

export interface LinkOccurrence {
  readonly url: string;
  readonly position: SourcePosition;
}

export interface CollectedLinks {
  readonly links: readonly LinkOccurrence[];
  /** Text of the .bib files read, by display path (for code frames). */
  readonly sources: ReadonlyMap<string, string>;
  readonly diagnostics: readonly Diagnostic[];
}

export interface CollectInput {
  /** The parsed YAML files, in merge order (a later file owns the keys it sets). */
  readonly yaml: readonly YamlSource[];
  /** Section keys the layouts use (others are not part of the CV). */
  readonly sectionKeys: ReadonlySet<string>;
  /** Keys of those sections that are publications sections. */
  readonly publicationKeys: ReadonlySet<string>;
  /** Folder of the first YAML file: .bib files are found from it. */
  readonly baseDir: string;
}

/** Top-level keys outside sections that hold links. */
const PERSON_KEYS = ['url', 'pdf', 'src', 'social'];
/** Keys whose whole value is a link. */
const URL_KEY = /^(url|www|link|homepage|src|pdf|.+_url)$/;
/** .bib fields whose whole value is a link. */
const BIB_URL_FIELDS = new Set(['url', 'link', ...LINK_FIELDS.flatMap((l) => l.fields)]);

export function collectLinks(input: CollectInput): CollectedLinks {
  const links: LinkOccurrence[] = [];
  const owners = new Map<string, YamlSource>();
  for (const source of input.yaml) for (const key of source.topLevelKeys()) owners.set(key, source);
  for (const [key, source] of owners) {
    if (!PERSON_KEYS.includes(key) && !input.sectionKeys.has(key)) continue;
    const contents = source.document.contents;
    if (!isMap(contents)) continue;
    const pair = contents.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (pair) visitYaml(pair.value as Node | null, key, key === 'url', source, links);
  }
  const bib = collectBibLinks(input, owners, links);
  return { links, sources: bib.sources, diagnostics: bib.diagnostics };
}

function visitYaml(
  node: Node | null | undefined,
  key: string,
  personUrl: boolean,
  source: YamlSource,
  out: LinkOccurrence[],
): void {
  if (!node) return;
  if (isMap(node)) {
    for (const pair of node.items) {
      visitYaml(
        pair.value as Node | null,
        isScalar(pair.key) ? String(pair.key.value) : key,
        false,
        source,
        out,
      );
    }
  } else if (isSeq(node)) {
    for (const item of node.items) visitYaml(item as Node | null, key, false, source, out);
  } else if (isScalar(node) && typeof node.value === 'string') {
    const value = node.value;
    const [start, end] = node.range ?? [0, 0];
    const at = (written: string, offset: number): SourcePosition => {
      // The value may differ from its source (quotes, escapes, indentation), but never runs ahead of it:
      // the URL as written is found at or after its offset in the value, else the value's start is used.
      const found = source.parsedText.indexOf(written, start + offset);
      return source.positionAt(found >= 0 && found < end ? found : start);
    };
    if (URL_KEY.test(key)) {
      const url = personUrl ? absoluteWebUrl(value) : value.trim();
      if (url !== undefined && /^https?:\/\/[^/\s]/i.test(url)) {
        out.push({ url, position: at(value.trim(), 0) });
        return;
      }
    }
    for (const found of urlsInText(value))
      out.push({ url: found.url, position: at(found.written, found.offset) });
  }
}

/** `file:` of a publications section: one name, a list, or per category. */
function bibNames(config: unknown): string[] {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) return [];
  const names = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : Array.isArray(value)
        ? value.filter((v): v is string => typeof v === 'string')
        : [];
  const record = config as Record<string, unknown>;
  const categories = Array.isArray(record.categories) ? record.categories : [];
  return [
    ...names(record.file),
    ...categories.flatMap((c) =>
      c !== null && typeof c === 'object' ? names((c as Record<string, unknown>).file) : [],
    ),
  ];
}

function collectBibLinks(
  input: CollectInput,
  owners: ReadonlyMap<string, YamlSource>,
  out: LinkOccurrence[],
) {
  const sources = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const read = new Set<string>();
  for (const key of input.publicationKeys) {
    const config = owners.get(key)?.toData() as Record<string, unknown> | undefined;
    for (const name of bibNames(config?.[key])) {
      const located = locateBibFile(name, input.baseDir, existsSync);
      if (located === undefined || read.has(located.path)) continue;
      read.add(located.path);
      const shown = displayPath(path.resolve(located.path));
      const text = readTextFile(located.path, shown);
      if (!text.ok) {
        diagnostics.push(text.diagnostic);
        continue;
      }
      sources.set(shown, text.text);
      // The fields as written: a crossref's inherited fields would list the parent's links twice.
      const bib = readBibtex(text.text, shown, { resolveCrossrefs: false });
      for (const entry of bib.entries) {
        for (const field of entry.fields.values()) {
          const position = (offset: number) => bib.lineIndex.position(shown, sourceOffsetOf(field, offset));
          if (BIB_URL_FIELDS.has(field.name)) {
            const url = urlValue(field.value);
            if (url !== undefined && /^https?:\/\//i.test(url)) out.push({ url, position: position(0) });
          } else if (field.name === 'doi') {
            const doi = normalizeDoi(urlValue(field.value) ?? '');
            if (doi !== undefined) out.push({ url: doiUrl(doi), position: position(0) });
          } else {
            for (const found of urlsInText(field.value))
              out.push({ url: found.url, position: position(found.offset) });
          }
        }
      }
    }
  }
  return { sources, diagnostics };
}
