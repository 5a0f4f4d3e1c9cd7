/**
 * Where each character of a multi-line YAML scalar's value was written: block scalars (`|`, `>`) and plain
 * or quoted scalars folded over several lines. The value is rebuilt from the source with YAML's folding
 * rules and the offsets kept; when the rebuilt text does not match the parsed value (an escape or a form
 * not handled here), there is no answer and callers point at the start of the value.
 */

/** Offsets in `raw` of the value's characters, or undefined when they cannot be told exactly. */
export function scalarOffsets(
  type: string | undefined,
  raw: string,
  value: string,
): readonly number[] | undefined {
  let built: { text: string; offsets: number[] } | undefined;
  if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') built = blockScalar(raw, type === 'BLOCK_FOLDED');
  else if (type === 'PLAIN') built = flowScalar(raw, 0, raw.length, 'plain');
  else if (type === 'QUOTE_SINGLE') built = flowScalar(raw, 1, raw.length - 1, 'single');
  else if (type === 'QUOTE_DOUBLE') built = flowScalar(raw, 1, raw.length - 1, 'double');
  if (!built || built.text === '' || !value.startsWith(built.text)) return undefined;
  return built.offsets;
}

interface Line {
  /** Offset of the line's first character in `raw`. */
  readonly start: number;
  readonly text: string;
}

function linesOf(raw: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  for (;;) {
    const end = raw.indexOf('\n', start);
    if (end < 0 || end >= to) {
      lines.push({ start, text: raw.slice(start, to) });
      return lines;
    }
    lines.push({ start, text: raw.slice(start, end).replace(/\r$/, '') });
    start = end + 1;
  }
}

/** `|` or `>` with an automatic indentation; trailing line breaks are left to the prefix check. */
function blockScalar(raw: string, folded: boolean): { text: string; offsets: number[] } | undefined {
  const headerEnd = raw.indexOf('\n');
  if (headerEnd < 0 || /[1-9]/.test(raw.slice(0, headerEnd).replace(/#.*$/, ''))) return undefined;
  const lines = linesOf(raw, headerEnd + 1, raw.length);
  while (lines.length > 0 && (lines.at(-1) as Line).text.trim() === '') lines.pop();
  const first = lines.find((l) => l.text.trim() !== '');
  if (!first) return undefined;
  const indent = (/^ */.exec(first.text) as RegExpExecArray)[0].length;
  let text = '';
  const offsets: number[] = [];
  let previous: 'none' | 'normal' | 'more' | 'empty' = 'none';
  let pendingBreak = -1;
  let emptyRun = 0;
  for (const line of lines) {
    if (line.text.trim() === '') {
      emptyRun++;
      continue;
    }
    const content = line.text.slice(indent);
    const more = /^[ \t]/.test(content);
    if (previous !== 'none') {
      // Between two lines: a literal keeps every break; a folded scalar turns one break between two
      // normal lines into a space, and keeps the breaks of empty and more-indented lines.
      const keepBreak = !folded || more || previous === 'more';
      if (keepBreak || emptyRun === 0) {
        text += keepBreak ? '\n' : ' ';
        offsets.push(pendingBreak);
      }
      for (let i = 0; i < emptyRun; i++) {
        text += '\n';
        offsets.push(pendingBreak);
      }
    } else {
      for (let i = 0; i < emptyRun; i++) {
        text += '\n';
        offsets.push(line.start);
      }
    }
    emptyRun = 0;
    for (let i = 0; i < content.length; i++) {
      text += content[i];
      offsets.push(line.start + indent + i);
    }
    pendingBreak = line.start + line.text.length;
    previous = more ? 'more' : 'normal';
  }
  return { text, offsets };
}

/** A plain or quoted scalar over one or more lines: lines are trimmed and folded, escapes read. */
function flowScalar(
  raw: string,
  from: number,
  to: number,
  style: 'plain' | 'single' | 'double',
): { text: string; offsets: number[] } | undefined {
  if (to < from) return undefined;
  const lines = linesOf(raw, from, to);
  let text = '';
  const offsets: number[] = [];
  let emptyRun = 0;
  let started = false;
  let joinWithoutSpace = false;
  lines.forEach((line, index) => {
    let body = line.text;
    let start = line.start;
    if (index > 0) {
      const lead = (/^[ \t]*/.exec(body) as RegExpExecArray)[0].length;
      body = body.slice(lead);
      start += lead;
    }
    if (index < lines.length - 1) body = body.replace(/[ \t]+$/, '');
    if (index > 0 && index < lines.length - 1 && body === '') {
      emptyRun++;
      return;
    }
    if (started) {
      if (emptyRun > 0) {
        for (let i = 0; i < emptyRun; i++) {
          text += '\n';
          offsets.push(start);
        }
      } else if (!joinWithoutSpace) {
        text += ' ';
        offsets.push(start);
      }
    }
    emptyRun = 0;
    joinWithoutSpace = false;
    started = true;
    for (let i = 0; i < body.length; i++) {
      const c = body[i] as string;
      if (style === 'single' && c === "'" && body[i + 1] === "'") {
        text += "'";
        offsets.push(start + i);
        i++;
      } else if (style === 'double' && c === '\\') {
        if (i === body.length - 1) {
          joinWithoutSpace = true; // an escaped line break
          break;
        }
        const next = body[i + 1] as string;
        const width = next === 'x' ? 4 : next === 'u' ? 6 : next === 'U' ? 10 : 2;
        const decoded = DOUBLE_ESCAPES[next];
        if (decoded === undefined && width === 2) return;
        text += decoded ?? String.fromCodePoint(Number.parseInt(body.slice(i + 2, i + width), 16));
        offsets.push(start + i);
        i += width - 1;
      } else {
        text += c;
        offsets.push(start + i);
      }
    }
  });
  return { text, offsets };
}

const DOUBLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  '"': '"',
  '/': '/',
  n: '\n',
  t: '\t',
  '\t': '\t',
  r: '\r',
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  v: '\v',
  ' ': ' ',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};
