import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  folderCycle,
  foldersWithoutRules,
  forbiddenImports,
  parseImportRules,
  type SourceTree,
} from './import-graph.js';

const root = path.resolve(import.meta.dirname, '../..');
const rules = parseImportRules(readFileSync(path.join(root, 'docs/architecture.md'), 'utf8'));

function sourceTree(): SourceTree {
  const src = path.join(root, 'src');
  const tree = new Map<string, string>();
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = path.join(entry.parentPath, entry.name);
    tree.set(path.relative(src, file).split(path.sep).join('/'), readFileSync(file, 'utf8'));
  }
  return tree;
}

describe('the import rules of docs/architecture.md', () => {
  const tree = sourceTree();

  it('reads the rules table', () => {
    expect(rules.get('util')).toEqual(new Set());
    expect(rules.get('resolve')).toContain('load');
    expect(tree.size).toBeGreaterThan(100);
  });

  it('has a row for every folder of src/', () => {
    expect(foldersWithoutRules(tree, rules)).toEqual([]);
  });

  it('holds for every import in src/', () => {
    expect(forbiddenImports(tree, rules)).toEqual([]);
  });

  it('leaves no cycle between folders', () => {
    expect(folderCycle(tree)).toBeUndefined();
  });
});

describe('the import checker itself', () => {
  const base: [string, string][] = [
    ['model/cv.ts', "import type { Diagnostic } from '../diagnostics/diagnostic.js';\n"],
    ['diagnostics/diagnostic.ts', 'export type Diagnostic = { message: string };\n'],
    ['render/html/index.ts', "import type { Cv } from '../../model/cv.js';\n"],
    ['render/markdown/index.ts', "export const md = 'md';\n"],
    ['render/shared/target.ts', "import type { Cv } from '../../model/cv.js';\n"],
    ['render/registry.ts', "export const load = () => import('./html/index.js');\n"],
  ];

  it('accepts imports the rules allow, static and dynamic', () => {
    expect(forbiddenImports(new Map(base), rules)).toEqual([]);
  });

  it('fails on a deliberately forbidden import: the model reaching into a renderer', () => {
    const tree = new Map(base).set('model/cv.ts', "import { html } from '../render/html/index.js';\n");
    expect(forbiddenImports(tree, rules)).toEqual([
      'model/cv.ts -> render/html/index.ts (model may not import render/html)',
    ]);
  });

  it('fails on one renderer importing another, even for a type or a re-export', () => {
    const tree = new Map(base).set(
      'render/html/index.ts',
      "export type { md } from '../markdown/index.js';\n",
    );
    expect(forbiddenImports(tree, rules)).toEqual([
      'render/html/index.ts -> render/markdown/index.ts (render/html may not import render/markdown)',
    ]);
  });

  it('fails on a folder without a row', () => {
    const tree = new Map(base).set('themes/x.ts', "import '../model/cv.js';\n");
    expect(foldersWithoutRules(tree, rules)).toEqual(['themes']);
    expect(forbiddenImports(tree, rules)).toEqual([
      'themes/x.ts -> model/cv.ts (themes may not import model)',
    ]);
  });

  it('finds a cycle between folders', () => {
    const tree = new Map(base).set(
      'diagnostics/diagnostic.ts',
      "import type { Cv } from '../model/cv.js';\n",
    );
    expect(folderCycle(tree)).toMatch(
      /^(model -> diagnostics -> model|diagnostics -> model -> diagnostics)$/,
    );
  });
});
