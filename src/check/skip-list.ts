/**
 * `check: {skip: [...]}` in cv.yaml: links `vita check --links` does not fetch. An entry written `/.../flags`
 * or starting with `^` is a regular expression; any other entry is a prefix.
 */
import { type Diagnostic, error, type SourcePosition } from '../diagnostics/diagnostic.js';

export type SkipRule = (url: string) => boolean;

export function parseSkipList(
  entries: readonly string[],
  positionOf: (index: number) => SourcePosition | undefined,
): { rules: SkipRule[]; diagnostics: Diagnostic[] } {
  const rules: SkipRule[] = [];
  const diagnostics: Diagnostic[] = [];
  entries.forEach((entry, i) => {
    const slashed = /^\/(.*)\/([a-z]*)$/s.exec(entry);
    if (!slashed && !entry.startsWith('^')) {
      rules.push((url) => url.startsWith(entry));
      return;
    }
    try {
      const pattern = new RegExp(slashed ? (slashed[1] as string) : entry, slashed?.[2] ?? '');
      rules.push((url) => pattern.test(url));
    } catch (cause) {
      diagnostics.push(
        error({
          code: 'check-skip-invalid',
          message: `\`check.skip\`: \`${entry}\` is not a valid regular expression (${(cause as Error).message})`,
          position: positionOf(i),
          hints: ['write a prefix (`https://example.org/`), or a regular expression as `/.../` or `^...`'],
        }),
      );
    }
  });
  return { rules, diagnostics };
}
