/**
 * Plain text (from JSON Resume) to the LaTeX subset that cv.yaml strings and BibTeX fields are read as, so
 * that vita shows exactly the text that was imported: special characters are escaped, `--` is kept from
 * becoming a dash. The one change: a backtick has no escape in the subset and is read as `‘`.
 */

const SPECIAL: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Text for a cv.yaml string (a LaTeX-subset value). */
export function latexText(text: string): string {
  return (
    text
      .replace(/[\\{}$&%#_~^]/g, (c) => SPECIAL[c] as string)
      // `--` is a dash and two backticks open a quote: an empty group keeps each character apart.
      .replace(/([-`])(?=\1)/g, '$1{}')
  );
}

/**
 * Text for a braced BibTeX field. BibTeX counts every brace, escaped or not, so a brace without its
 * partner is left out (and reported by the caller); a line starting with `@` would start a new entry for
 * lenient readers, so it gets an empty group in front.
 */
export function bibtexText(text: string): { value: string; droppedBraces: number } {
  const { text: balanced, dropped } = balanceBraces(text);
  return { value: latexText(balanced).replace(/\n@/g, '\n{}@'), droppedBraces: dropped };
}

/** A URL for a braced BibTeX field: vita reads `\%`, `\#`, `\_` and `\&` back; braces are percent-encoded. */
export function bibtexUrl(url: string): string {
  return url.replace(/[{}\\\s]/g, (c) => encodeURIComponent(c)).replace(/[%#]/g, (c) => `\\${c}`);
}

/** Removes every `{` with no later `}` and every `}` with no earlier `{`. */
function balanceBraces(text: string): { text: string; dropped: number } {
  const unmatched = new Set<number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') open.push(i);
    else if (text[i] === '}') {
      if (open.length > 0) open.pop();
      else unmatched.add(i);
    }
  }
  for (const i of open) unmatched.add(i);
  if (unmatched.size === 0) return { text, dropped: 0 };
  let out = '';
  for (let i = 0; i < text.length; i++) if (!unmatched.has(i)) out += text[i];
  return { text: out, dropped: unmatched.size };
}

/** Text as HTML (the `about` section is HTML): `&`, `<`, `>` escaped, line breaks kept as `<br>`. */
export function htmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, '<br>\n');
}
