/**
 * The folder-level import graph of `src/`, and the rules of docs/architecture.md ("Import rules") checked
 * against it. Every import counts: static, type-only, re-exports and dynamic `import()`.
 */
import path from 'node:path';
import ts from 'typescript';

/** `src/`-relative path with forward slashes -> source text. */
export type SourceTree = ReadonlyMap<string, string>;

/** Folder -> the folders it may import (itself always allowed). */
export type ImportRules = ReadonlyMap<string, ReadonlySet<string>>;

export interface ImportEdge {
  readonly fromFile: string;
  readonly toFile: string;
  readonly fromFolder: string;
  readonly toFolder: string;
}

/** The rules folder a file belongs to: `render/html`, `render` (the registry), `index`, `resolve`... */
export function folderOf(file: string): string {
  const parts = file.split('/');
  if (parts.length === 1) return (parts[0] ?? '').replace(/\.ts$/, '');
  if (parts[0] === 'render' && parts.length > 2) return `render/${parts[1]}`;
  return parts[0] ?? '';
}

/** The row of the rules that governs a folder: its own, else `render/*` for a render target. */
export function ruleFolder(folder: string, rules: ImportRules): string {
  if (rules.has(folder)) return folder;
  if (folder.startsWith('render/')) return 'render/*';
  return folder;
}

function allowed(from: string, to: string, rules: ImportRules): boolean {
  if (from === to) return true;
  const allow = rules.get(ruleFolder(from, rules));
  if (!allow) return false;
  if (allow.has(to)) return true;
  // In a list, `render/*` names every target folder: all of src/render/ but render/shared.
  return to.startsWith('render/') && to !== 'render/shared' && allow.has('render/*');
}

export function importEdges(tree: SourceTree): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const [file, text] of tree) {
    const { importedFiles } = ts.preProcessFile(text, true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const toFile = path.posix
        .normalize(path.posix.join(path.posix.dirname(file), fileName))
        .replace(/\.js$/, '.ts');
      edges.push({ fromFile: file, toFile, fromFolder: folderOf(file), toFolder: folderOf(toFile) });
    }
  }
  return edges;
}

/** Each import the rules do not allow, as `from/file.ts -> to/file.ts (folder -> folder)`. */
export function forbiddenImports(tree: SourceTree, rules: ImportRules): string[] {
  return importEdges(tree)
    .filter((e) => !allowed(e.fromFolder, e.toFolder, rules))
    .map((e) => `${e.fromFile} -> ${e.toFile} (${e.fromFolder} may not import ${e.toFolder})`);
}

/** Folders with files but no row in the rules (so nothing they import is checked). */
export function foldersWithoutRules(tree: SourceTree, rules: ImportRules): string[] {
  const folders = new Set([...tree.keys()].map(folderOf));
  return [...folders].filter((f) => !rules.has(ruleFolder(f, rules))).sort();
}

/** One cycle between folders, as `a -> b -> a`, or undefined when the folder graph is acyclic. */
export function folderCycle(tree: SourceTree): string | undefined {
  const next = new Map<string, Set<string>>();
  for (const e of importEdges(tree)) {
    if (e.fromFolder === e.toFolder) continue;
    const targets = next.get(e.fromFolder) ?? new Set<string>();
    targets.add(e.toFolder);
    next.set(e.fromFolder, targets);
  }
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (folder: string): string | undefined => {
    if (state.get(folder) === 'done') return undefined;
    if (state.get(folder) === 'open') return [...stack.slice(stack.indexOf(folder)), folder].join(' -> ');
    state.set(folder, 'open');
    stack.push(folder);
    for (const to of next.get(folder) ?? []) {
      const cycle = visit(to);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(folder, 'done');
    return undefined;
  };
  for (const folder of next.keys()) {
    const cycle = visit(folder);
    if (cycle) return cycle;
  }
  return undefined;
}

/** The "Import rules" table of docs/architecture.md: rows of `| \`folder\` | \`a\`, \`b\` |`. */
export function parseImportRules(markdown: string): ImportRules {
  const heading = markdown.indexOf('## Import rules');
  if (heading < 0) throw new Error('docs/architecture.md has no "## Import rules" section');
  const after = markdown.slice(heading + 1);
  const section = after.slice(0, after.search(/\n## /) < 0 ? undefined : after.search(/\n## /));
  const rules = new Map<string, Set<string>>();
  for (const line of section.split('\n')) {
    const row = /^\|\s*`([^`]+)`\s*\|([^|]*)\|\s*$/.exec(line);
    if (!row) continue;
    const [, folder = '', allow = ''] = row;
    rules.set(folder, new Set([...allow.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '')));
  }
  if (rules.size === 0) throw new Error('the "Import rules" table of docs/architecture.md has no rows');
  return rules;
}
