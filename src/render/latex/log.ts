/** Reading TeX's `.log`: the first error, where it happened, and the text TeX had read up to it. */

export interface LatexLogError {
  /** TeX's message, continuation lines joined: "Undefined control sequence.", "LaTeX Error: File `x.sty' not found." */
  readonly message: string;
  /** The file the error is in, as TeX printed it (`./cv.tex` becomes `cv.tex`); undefined when unknown. */
  readonly file?: string;
  /** 1-based line in that file. */
  readonly line?: number;
  /** What TeX had read on that line when it stopped (`l.42 \vitaentry{\foo`), and the rest of the line. */
  readonly before?: string;
  readonly after?: string;
  /** For "Undefined control sequence": the command TeX did not know (the end of the error's top context line). */
  readonly undefinedCommand?: string;
}

/** `./cv.tex:42: message` (with -file-line-error) or `! message`. */
const ERROR_START = /^(?:(.+?):(\d+): |! )(.*)$/;
const LINE_CONTEXT = /^l\.(\d+) (.*)$/;

/** The first error in a TeX log (TeX stops at it with -halt-on-error), or undefined when there is none. */
export function parseLatexLog(log: string): LatexLogError | undefined {
  const lines = log.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const match = ERROR_START.exec(lines[i] as string);
    if (match === null) continue;
    // A `file:line:` match must name a TeX input file, not just any text with colons.
    const file = match[1];
    if (file !== undefined && !/\.(?:tex|sty|cls|cfg|def|fd|aux|toc|out|ltx|clo)$/.test(file)) continue;
    let message = (match[3] ?? '').trim();
    // LaTeX and package errors continue their text on indented lines ("   not set up for use with LaTeX.",
    // "(hyperref)   ..."); TeX's context lines (`<argument> ...`, `\macro #1->...`, `l.42 ...`) are not message.
    let j = i + 1;
    for (; j < lines.length && j < i + 6; j++) {
      const next = lines[j] as string;
      if (!/^(?:\s+\S|\()/.test(next) || LINE_CONTEXT.test(next)) break;
      message += ` ${next.trim()}`;
    }
    // TeX: "The control sequence at the end of the top line of your error message was never \def'ed."
    const undefinedCommand = /^Undefined control sequence/.test(message)
      ? /(\\(?:[A-Za-z@]+|.))\s*$/.exec(lines[j] ?? '')?.[1]
      : undefined;
    let errorFile = file;
    let line = match[2] === undefined ? undefined : Number(match[2]);
    let before: string | undefined;
    let after: string | undefined;
    for (let k = i + 1; k < lines.length && k < i + 40; k++) {
      const text = lines[k] as string;
      const context = LINE_CONTEXT.exec(text);
      if (context !== null) {
        line ??= Number(context[1]);
        before = context[2] ?? '';
        after = (lines[k + 1] ?? '').trim();
        break;
      }
      const next = ERROR_START.exec(text);
      if (next === null) continue;
      // `! LaTeX Error: File ... not found.` is followed by `./cv.tex:4: Emergency stop.`, which knows the place.
      if (!/^Emergency stop\./.test(next[3] ?? '')) break;
      if (errorFile === undefined && next[1] !== undefined) {
        errorFile = next[1];
        line = Number(next[2]);
      }
    }
    const shownFile = errorFile?.replace(/^\.\//, '');
    return {
      message,
      ...(shownFile === undefined ? {} : { file: shownFile }),
      ...(line === undefined ? {} : { line }),
      ...(before === undefined ? {} : { before }),
      ...(after === undefined || after === '' ? {} : { after }),
      ...(undefinedCommand === undefined ? {} : { undefinedCommand }),
    };
  }
  return undefined;
}
