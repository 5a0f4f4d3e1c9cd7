/**
 * The comparison the seed golden test allows: whitespace runs fold to one space, and the attributes of
 * each tag are sorted. Nothing else is normalised.
 */
export function normalizeMarkup(text: string): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  return folded.replace(
    /<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-:]+(?:=(?:"[^"]*"|'[^']*'|[^\s>]+))?)+)\s*(\/?)>/g,
    (_m, name: string, attrs: string, slash: string) => {
      const list = attrs.match(/[a-zA-Z-:]+(?:=(?:"[^"]*"|'[^']*'|[^\s>]+))?/g) ?? [];
      return `<${name} ${[...list].sort().join(' ')}${slash}>`;
    },
  );
}

/** Splits a page at its `## ` headings: the part before the first heading is keyed `(top)`. */
export function splitSections(markdown: string): Map<string, string> {
  const sections = new Map<string, string>();
  let title = '(top)';
  let body: string[] = [];
  for (const line of markdown.split('\n')) {
    const m = /^## (.*)$/.exec(line);
    if (m) {
      sections.set(title, body.join('\n'));
      title = (m[1] as string).replace(/<[^>]*>/g, '').trim();
      body = [line];
    } else {
      body.push(line);
    }
  }
  sections.set(title, body.join('\n'));
  return sections;
}
