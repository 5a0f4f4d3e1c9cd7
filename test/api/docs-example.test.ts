/**
 * The examples of docs/api.md are code, not prose: each ```ts block type-checks against the library's
 * sources under the package name `vita-cv`, and the block marked `example` runs on the bundled example CV.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_DIR, useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();
const docs = readFileSync(path.join(REPO_DIR, 'docs/api.md'), 'utf8');
const blocks = [...docs.matchAll(/```ts( example)?\n([\s\S]*?)```/g)].map((m) => ({
  runnable: m[1] !== undefined,
  code: m[2] ?? '',
}));

/** Type errors of every block, each as `example N: message`, from one program over all of them. */
function typeErrors(codes: readonly string[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(REPO_DIR, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    },
  );
  if (!config) throw new Error('cannot read tsconfig.json');
  const virtual = new Map(
    codes.map((code, i) => [path.join(REPO_DIR, `test/api/docs-example-${i + 1}.generated.ts`), code]),
  );
  const options: ts.CompilerOptions = {
    ...config.options,
    noEmit: true,
    baseUrl: REPO_DIR,
    paths: { 'vita-cv': ['src/index.ts'] },
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => virtual.get(path.resolve(file)) ?? readFile(file);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => virtual.has(path.resolve(file)) || fileExists(file);
  const program = ts.createProgram([...virtual.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file
      ? `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
      : '';
    return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

describe('docs/api.md', () => {
  it('has a runnable example and other examples', () => {
    expect(blocks.filter((b) => b.runnable)).toHaveLength(1);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
  });

  it('every example type-checks against the exported API', () => {
    expect(typeErrors(blocks.map((b) => b.code))).toEqual([]);
  });

  it('the runnable example builds the bundled example CV', async () => {
    const block = blocks.find((b) => b.runnable);
    if (!block) throw new Error('no runnable example');
    const dir = tempDir();
    cpSync(path.join(REPO_DIR, 'examples/seed'), dir, { recursive: true });
    const script = path.join(dir, 'example.ts');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      script,
      block.code.replace("from 'vita-cv'", `from '${path.join(REPO_DIR, 'src/index.ts')}'`),
    );
    const cwd = process.cwd();
    const exitCode = process.exitCode;
    process.chdir(dir);
    try {
      await import(script);
      expect(process.exitCode ?? 0).toBe(0);
    } finally {
      process.chdir(cwd);
      process.exitCode = exitCode;
    }
    for (const file of ['cv.md', 'index.html', 'cv.json'])
      expect(existsSync(path.join(dir, 'build', file))).toBe(true);
  });
});
