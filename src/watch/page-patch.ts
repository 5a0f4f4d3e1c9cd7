/**
 * Watch mode's in-place page update. Reloading a long page after an edit makes the browser parse and lay out
 * all of it again (~300 ms for the corpus's 380 KB page on a small machine); instead, the server compares
 * the page it last wrote with the new one and names the elements that changed, and the live-reload client
 * swaps those alone.
 *
 * The comparison walks the tree of elements that have an `id` (sections, entries, the masthead, ...): an
 * element whose text is the same is left alone; one whose text outside its id'd descendants (its
 * "skeleton") is the same, with the same id'd children in the same order, is looked into; any other changed
 * element is swapped whole. In `<head>`, only the structured data (`<script type="application/ld+json">`,
 * inert) may differ; it is sent as text. Anything else (a change in `<head>`, in `<body>` outside every id'd
 * element, in a `<script>` or `<style>`, an id that is not unique) means the page reloads.
 */
import { createHash } from 'node:crypto';
import { Parser } from 'htmlparser2';
import { type ElementEvents, scanElements } from './element-scan.js';

export interface PagePatch {
  /** The elements to replace, by `id`, with their new outer HTML. */
  readonly elements: readonly { readonly id: string; readonly html: string }[];
  /** The new text of each `<script type="application/ld+json">` of `<head>`, in order, when it changed. */
  readonly structuredData?: readonly string[];
}

/** What the client gets in a `reload` event: the patch, for the page `file` whose text hashes to `from`. */
export interface LivePatch extends PagePatch {
  /** The page's path in the output folder (`index.html`). */
  readonly file: string;
  /** `pageDigest` of the page the patch applies to: the client checks it against the page it shows. */
  readonly from: string;
  /** `pageDigest` of the page after the patch. */
  readonly to: string;
}

/** Names a page's text (as written to disk, before the live-reload client goes in). */
export function pageDigest(html: string): string {
  return createHash('sha1').update(html, 'utf8').digest('hex');
}

/** More swaps than this: the page reloads (it would be about as slow, and simpler). */
const MAX_ELEMENTS = 200;

/** Elements whose change always reloads the page: they run or style it. */
const RELOADS = new Set(['script', 'style', 'template']);

/** An element with an `id` (or the `<body>`, the root), as a range of the page's text. */
interface IdElement {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly children: IdElement[];
  /** It holds a `<script>`, `<style>` or `<template>`: swapping it would not run or apply the new one. */
  readonly runs: boolean;
}

interface Outline {
  readonly body: IdElement;
  readonly head: { readonly start: number; readonly end: number };
  /** The ranges of the ld+json scripts' text inside `<head>`. */
  readonly structuredData: readonly { readonly start: number; readonly end: number }[];
  /** False when an id in `<body>` is not unique (the client finds elements by id). */
  readonly patchable: boolean;
}

interface OpenElement {
  readonly name: string;
  readonly id: string | undefined;
  readonly start: number;
  readonly openEnd: number;
  readonly children: IdElement[];
  readonly type: string | undefined;
  runs: boolean;
}

/** The last outlines read: a rebuild compares the page it wrote last time, whose outline is known already. */
const recent: { html: string; outline: Outline | undefined }[] = [];

function outline(html: string): Outline | undefined {
  const known = recent.find((r) => r.html === html);
  if (known) return known.outline;
  const read = readOutline(html);
  recent.unshift({ html, outline: read });
  recent.length = Math.min(recent.length, 2);
  return read;
}

/**
 * The outline of a page: read by `scanElements` (element-scan.ts), which reads the markup vita writes ~5x
 * faster, else by htmlparser2; both report the same elements at the same offsets.
 */
function readOutline(html: string): Outline | undefined {
  const fast = outlineBuilder();
  if (scanElements(html, fast)) return fast.outline();
  const slow = outlineBuilder();
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        slow.open(
          name,
          attributes.id || undefined,
          attributes.type?.toLowerCase(),
          parser.startIndex,
          parser.endIndex + 1,
        );
      },
      onclosetag(name, isImplied) {
        const end = parser.endIndex + 1;
        const start = parser.startIndex;
        slow.close(name, !isImplied && html.slice(start, end).toLowerCase() === `</${name}>`, start, end);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.end(html);
  return slow.outline();
}

/** Builds an outline from the opening and closing of elements, in order (ElementEvents, element-scan.ts). */
function outlineBuilder(): ElementEvents & { outline(): Outline | undefined } {
  const stack: OpenElement[] = [];
  const ids = new Set<string>();
  const structuredData: { start: number; end: number }[] = [];
  let head: { start: number; end: number } | undefined;
  let body: IdElement | undefined;
  let patchable = true;
  let insideBody = false;
  /** The innermost open element with an id (or the `<body>`): where a closing element's outline goes. */
  const parentOf = (): OpenElement | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const e = stack[i] as OpenElement;
      if (e.id !== undefined || e.name === 'body') return e;
    }
    return undefined;
  };
  return {
    open(name, id, type, start, openEnd) {
      if (id !== undefined && insideBody) {
        if (ids.has(id)) patchable = false;
        ids.add(id);
      }
      if (name === 'body') insideBody = true;
      stack.push({ name, id, start, openEnd, children: [], type, runs: false });
    },
    close(name, explicit, closeStart, end) {
      const open = stack.pop();
      if (!open) return;
      if (name === 'head') head = { start: open.start, end };
      else if (name === 'body') {
        insideBody = false;
        body = { id: '', start: open.start, end, children: open.children, runs: true };
      } else if (
        name === 'script' &&
        open.type === 'application/ld+json' &&
        stack.some((e) => e.name === 'head')
      )
        structuredData.push({ start: open.openEnd, end: closeStart });
      else if (RELOADS.has(name) && insideBody) for (const e of stack) e.runs = true;
      // An element without an explicit end tag is part of its parent's skeleton, never swapped alone.
      const parent = parentOf();
      if (open.id !== undefined && explicit && insideBody && parent)
        parent.children.push({
          id: open.id,
          start: open.start,
          end,
          children: open.children,
          runs: open.runs,
        });
      else if (parent && open.children.length > 0) parent.children.push(...open.children);
    },
    outline: () => (head && body ? { body, head, structuredData, patchable } : undefined),
  };
}

/** The text of `element` with each id'd child replaced by its id: what changes when only children do not. */
function skeleton(html: string, element: IdElement): string {
  let text = '';
  let at = element.start;
  for (const child of element.children) {
    text += `${html.slice(at, child.start)}\u0000${child.id}\u0000`;
    at = child.end;
  }
  return text + html.slice(at, element.end);
}

/** `html` without the given ranges (each replaced by a mark), between `from` and `to`. */
function without(html: string, from: number, to: number, ranges: readonly { start: number; end: number }[]) {
  let text = '';
  let at = from;
  for (const r of ranges) {
    text += `${html.slice(at, r.start)}\u0000`;
    at = r.end;
  }
  return text + html.slice(at, to);
}

/** The elements to swap to turn the page `before` into `after`, or undefined when it must reload. */
export function pagePatch(before: string, after: string): PagePatch | undefined {
  if (before === after) return { elements: [] };
  const old = outline(before);
  const next = outline(after);
  if (!old || !next || !old.patchable || !next.patchable) return undefined;

  // Outside `<head>` and `<body>` (doctype, `<html>`): nothing may change.
  const outside = (html: string, o: Outline) =>
    html.slice(0, o.head.start) + html.slice(o.head.end, o.body.start) + html.slice(o.body.end);
  if (outside(before, old) !== outside(after, next)) return undefined;

  let structuredData: string[] | undefined;
  const oldHead = before.slice(old.head.start, old.head.end);
  const newHead = after.slice(next.head.start, next.head.end);
  if (oldHead !== newHead) {
    const same =
      old.structuredData.length === next.structuredData.length &&
      without(before, old.head.start, old.head.end, old.structuredData) ===
        without(after, next.head.start, next.head.end, next.structuredData);
    if (!same) return undefined;
    structuredData = next.structuredData.map((r) => after.slice(r.start, r.end));
  }

  const elements: { id: string; html: string }[] = [];
  const compare = (a: IdElement, b: IdElement): boolean => {
    const newText = after.slice(b.start, b.end);
    if (before.slice(a.start, a.end) === newText) return true;
    const childrenAlike =
      a.children.length === b.children.length && a.children.every((c, i) => c.id === b.children[i]?.id);
    if (childrenAlike && skeleton(before, a) === skeleton(after, b))
      return a.children.every((c, i) => compare(c, b.children[i] as IdElement));
    // The `<body>` itself is never swapped, nor an element with a script or style in it.
    if (b.runs || a.runs) return false;
    elements.push({ id: b.id, html: newText });
    return elements.length <= MAX_ELEMENTS;
  };
  if (!compare(old.body, next.body)) return undefined;
  return structuredData ? { elements, structuredData } : { elements };
}
