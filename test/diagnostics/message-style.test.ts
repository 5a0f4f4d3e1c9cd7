/**
 * One message style for every diagnostic: a lower-case start (unless the first word is a name such as
 * GitHub or LaTeX) and no final period. Checked over the source, on every `message:` written as a string.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

/** Words that keep their capital at the start of a message. */
const NAMES = new Set([
  'BibTeX',
  'CSS',
  'Chromium',
  'GitHub',
  'HTML',
  'JSON',
  'LaTeX',
  'OpenAlex',
  'PDF',
  'Semantic',
  'TeX',
  'Typst',
  'URL',
  'UTF-8',
  'YAML',
]);

interface MessageText {
  readonly where: string;
  readonly start: string;
  readonly end: string;
}

function messagesIn(file: string): MessageText[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: MessageText[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && node.name.getText(source) === 'message') {
      const value = node.initializer;
      const where = `${path.relative(SRC, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) {
        found.push({ where, start: value.text, end: value.text });
      } else if (ts.isTemplateExpression(value)) {
        const last = value.templateSpans[value.templateSpans.length - 1];
        found.push({ where, start: value.head.text, end: last?.literal.text ?? '' });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function styleProblem({ start, end }: MessageText): string | undefined {
  const firstWord = /^[^\s:,;(]*/.exec(start)?.[0] ?? '';
  if (/^[A-Z]/.test(start) && !NAMES.has(firstWord)) return `starts with a capital ("${firstWord}")`;
  if (/(^|[^.])\.$/.test(end)) return 'ends with a period';
  return undefined;
}

describe('diagnostic messages', () => {
  const files = readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && e.name !== 'catalogue.ts')
    .map((e) => path.join(e.parentPath, e.name));
  const messages = files.flatMap(messagesIn);

  it('are found in the source', () => {
    expect(messages.length).toBeGreaterThan(50);
  });

  it('start in lower case (or with a name) and end without a period', () => {
    const problems = messages.flatMap((m) => {
      const problem = styleProblem(m);
      return problem ? [`${m.where}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('the rule itself catches both faults and allows names', () => {
    expect(styleProblem({ where: '', start: 'Could not read', end: 'x' })).toMatch(/capital/);
    expect(styleProblem({ where: '', start: 'could not read', end: 'again.' })).toMatch(/period/);
    expect(styleProblem({ where: '', start: 'GitHub repository', end: 'e.g. `x`' })).toBeUndefined();
    expect(styleProblem({ where: '', start: 'a list', end: 'and so on...' })).toBeUndefined();
  });
});
