/** The imported CV as files: cv.yaml (YAML 1.1, as vita reads it) and publications.bib. */
import { Document, isMap, isScalar, isSeq } from 'yaml';
import { SCHEMA_URL } from '../../resolve/json-schema.js';
import type { BibDraft, CvDraft } from './to-cv.js';

/** cv.yaml: a schema line for editors, then the person, `order`, and one key per section. */
export function cvYamlText(draft: CvDraft, sourceName: string): string {
  const { about, ...rest } = draft.data;
  const person = Object.fromEntries(
    Object.entries(rest).filter(([k]) => ['name', 'email', 'phone', 'url', 'social'].includes(k)),
  );
  const sections = Object.fromEntries(Object.entries(rest).filter(([k]) => !Object.hasOwn(person, k)));
  const data = {
    ...person,
    order: draft.order.map(([k, t]) => [k, t]),
    ...(about === undefined ? {} : { about }),
    ...sections,
  };
  const doc = new Document(data, { version: '1.1' });
  doc.commentBefore = ` yaml-language-server: $schema=${SCHEMA_URL}\n\n Imported from ${sourceName} by \`vita import jsonresume\`. Strings are a LaTeX subset (\\textbf{}, --, \\&).`;
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (isScalar(pair.key) && key !== 'name')
        pair.key.spaceBefore = ['order', 'about'].includes(key) || Object.hasOwn(sections, key);
      // `- [education, Education]`: the order list reads best one pair per line.
      if (key === 'order' && isSeq(pair.value))
        for (const item of pair.value.items) if (isSeq(item)) item.flow = true;
    }
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** publications.bib: one `@type{key, field = {value}, ...}` per entry; values are already BibTeX. */
export function bibText(entries: readonly BibDraft[], sourceName: string): string {
  const head = `% Imported from ${sourceName} by \`vita import jsonresume\`.\n% JSON Resume lists no authors: add \`author = {...}\` to each entry.\n`;
  const body = entries.map((e) => {
    const width = Math.max(...e.fields.map(([name]) => name.length));
    const fields = e.fields.map(([name, value]) => `  ${name.padEnd(width)} = {${value}},`).join('\n');
    return `@${e.type}{${e.key},\n${fields}\n}\n`;
  });
  return [head, ...body].join('\n');
}
