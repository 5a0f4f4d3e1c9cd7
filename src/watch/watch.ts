/**
 * Watch mode: build, serve the output folder with live reload, and rebuild on every change to the inputs
 * (YAML, .bib, theme, images). Changes are gathered for `debounceMs`; builds never overlap; parsed YAML
 * files are cached between builds, and the Typst compiler stays warm on its worker thread, where the PDF
 * typesets while the page renders (in this thread, after the page, when there is no worker script: running
 * from sources). A build with errors writes nothing, so the last good output stays, and its diagnostics go
 * to the terminal (`onBuild`) and to the browser overlay.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type FSWatcher, watch } from 'chokidar';
import { type Diagnostic, error, warningsAsErrors } from '../diagnostics/diagnostic.js';
import { shortenQuoted } from '../diagnostics/format.js';
import type { BuildOptions } from '../pipeline/build.js';
import {
  blocksOutput,
  prewarmForRepeatedRenders,
  type RenderCvResult,
  renderCv,
  renderTargets,
} from '../pipeline/build.js';
import { type GuardedWriteResult, writeGuarded } from '../pipeline/guarded-write.js';
import { inputFiles } from '../pipeline/input-guard.js';
import type { OutputFile, TargetName } from '../render/shared/target.js';
import { DEFAULT_PORT } from './defaults.js';
import { InputCache } from './input-cache.js';
import { buildInputPaths, isInputEvent, watchedFolders } from './inputs.js';
import { PDF_PAGE_PATH } from './live-reload.js';
import { type LivePatch, pageDigest, pagePatch } from './page-patch.js';
import { createPreviewServer, sseEvent } from './static-server.js';

export { DEFAULT_PORT };

export interface WatchOptions extends Omit<BuildOptions, 'now' | 'onReady'> {
  /** The date of each build ("Last updated"); default: the clock at each build. */
  readonly now?: (() => Date) | undefined;
  /** Port of the preview server; 0 picks a free one. Default 4321. */
  readonly port?: number | undefined;
  /** Default 127.0.0.1: the preview is not reachable from other machines. */
  readonly host?: string | undefined;
  /** Quiet time after a change before rebuilding. Default 10 ms: an editor's save is one write or a rename. */
  readonly debounceMs?: number | undefined;
  /** Called after every build, good or not. */
  readonly onBuild?: ((build: WatchBuild) => void) | undefined;
  /** Called when the file watcher itself fails (a limit of the operating system): the problem, as an error. */
  readonly onWatchError?: ((problem: Diagnostic) => void) | undefined;
}

/** Targets never rendered with the page, even with `--strict`: they take the longest (Typst or TeX). */
const PRINT_TARGETS: ReadonlySet<TargetName> = new Set<TargetName>(['pdf']);

export interface WatchBuild {
  /** 1 for the first build. */
  readonly build: number;
  /** No errors: the output was written. */
  readonly ok: boolean;
  /** Time of the build, from reading the inputs to the last file written (the PDF included). */
  readonly ms: number;
  /**
   * Time until the page was written and the browser told (with `--strict`, or without the html target, all
   * web targets: md, html, json, tex): the other targets are rendered after that, so the preview does not
   * wait for them. Equals `ms` when nothing comes after the page.
   */
  readonly previewMs: number;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
  /** Absolute paths of the output files whose contents changed (only those are written). */
  readonly written: readonly string[];
  /** The changed inputs that started the build (empty for the first build and `rebuild()`). */
  readonly trigger: readonly string[];
  readonly timings: Readonly<Record<string, number>>;
}

export interface WatchHandle {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  /** The PDF preview page. */
  readonly pdfUrl: string;
  readonly port: number;
  /** The inputs watched now (absolute paths), a deleted one included while its return is awaited. */
  inputs(): readonly string[];
  /** Browser tabs connected for live reload. */
  liveClients(): number;
  lastBuild(): WatchBuild;
  /** Resolves with the next build that finishes. */
  nextBuild(): Promise<WatchBuild>;
  /** Builds now (after any build in progress). */
  rebuild(): Promise<WatchBuild>;
  /** Stops watching and serving. */
  close(): Promise<void>;
}

/** A diagnostic as the browser overlay receives it. */
function forBrowser(d: Diagnostic) {
  return {
    severity: d.severity,
    code: d.code,
    message: shortenQuoted(d.message),
    file: d.position?.file,
    line: d.position?.line,
    column: d.position?.column,
    hints: d.hints.map(shortenQuoted),
  };
}

/** What a written file held; for a page, its `pageDigest` (patches name pages by it). */
const digest = (contents: string | Uint8Array): string =>
  typeof contents === 'string' ? pageDigest(contents) : createHash('sha1').update(contents).digest('hex');

/** The error of a failed file watcher, with what to do for the usual cause (the system's watch limits). */
export function watchFailed(cause: unknown): Diagnostic {
  const code = (cause as NodeJS.ErrnoException)?.code;
  const limits = code === 'EMFILE' || code === 'ENOSPC';
  return error({
    code: 'watch-failed',
    message: `cannot watch the inputs for changes: ${(cause as Error)?.message ?? String(cause)}; edits may not rebuild`,
    hints: limits
      ? [
          'the system limit of file watches is reached: raise it (Linux: `sudo sysctl fs.inotify.max_user_instances=512` and `fs.inotify.max_user_watches=524288`), or close other programs that watch many files, then restart vita watch',
        ]
      : ['restart vita watch; if it happens again, check the permissions of the CV folder'],
  });
}

/**
 * The input files a `raw` event of chokidar concerns. A watch of a folder names the file (or, on some systems,
 * nothing: then every input in that folder); a watch of a file names the file by its base name; polling
 * gives the full path.
 */
export function rawEventFiles(
  inputs: ReadonlySet<string>,
  folders: ReadonlySet<string>,
  name: unknown,
  details: unknown,
): string[] {
  const watchedPath = (details as { watchedPath?: unknown } | undefined)?.watchedPath;
  if (typeof watchedPath !== 'string') return typeof name === 'string' && path.isAbsolute(name) ? [name] : [];
  if (!folders.has(watchedPath)) return [watchedPath];
  if (typeof name === 'string' && name !== '') return [path.join(watchedPath, name)];
  return [...inputs].filter((input) => path.dirname(input) === watchedPath || input === watchedPath);
}

export async function startWatch(options: WatchOptions): Promise<WatchHandle> {
  const outDir = path.resolve(options.outDir);
  const cache = new InputCache();
  const clock = options.now ?? (() => new Date());
  const debounceMs = options.debounceMs ?? 10;
  const writtenDigests = new Map<string, string>();
  /**
   * The HTML pages as last written, by output path, with their `pageDigest`: what an open page shows, for
   * `pagePatch`.
   */
  const writtenPages = new Map<string, { readonly html: string; readonly digest: string }>();
  // `lastGood`: the number of the last build that wrote the output (0: none yet), for the overlay's wording.
  let state = { build: 0, ok: true, lastGood: 0, diagnostics: [] as ReturnType<typeof forBrowser>[] };
  let title = 'CV';
  let count = 0;
  let last: WatchBuild | undefined;
  let waiters: ((build: WatchBuild) => void)[] = [];

  const preview = createPreviewServer({
    root: outDir,
    indexFile: options.htmlFileName ?? 'index.html',
    title: () => title,
    // With the pages as last written, so a tab that read an older one reloads (see live-reload.ts).
    greeting: () =>
      sseEvent('diagnostics', {
        ...state,
        pages: Object.fromEntries([...writtenPages].map(([file, page]) => [file, page.digest])),
      }),
  });
  const port = await new Promise<number>((resolve, reject) => {
    preview.server.once('error', reject);
    preview.server.listen(options.port ?? DEFAULT_PORT, options.host ?? '127.0.0.1', () => {
      preview.server.off('error', reject);
      resolve((preview.server.address() as AddressInfo).port);
    });
  });

  /**
   * Writes the files whose contents differ from what this process last wrote there, through the same guard
   * as `vita build` (no input replaced, stale temporary files removed, all or nothing).
   */
  const writeChanged = (
    files: readonly OutputFile[],
    rendered: Pick<RenderCvResult, 'sources' | 'cv' | 'copies'>,
  ): GuardedWriteResult => {
    const changed = files
      .map((file) => ({ file, digest: digest(file.contents) }))
      .filter(
        ({ file, digest }) =>
          writtenDigests.get(file.path) !== digest || !existsSync(path.join(outDir, file.path)),
      );
    const outcome = writeGuarded({
      outDir,
      // A preview: atomic (no reader sees half a file) but not flushed to disk, ~5-10 ms less per file.
      durable: false,
      files: changed.map((c) => c.file),
      copies: rendered.copies,
      inputs: inputFiles({
        yamlFiles: options.files,
        sources: rendered.sources.keys(),
        cv: rendered.cv,
        cacheDir: options.enrich?.cacheDir,
      }),
    });
    if (!outcome.failed) for (const c of changed) writtenDigests.set(c.file.path, c.digest);
    return outcome;
  };

  /** The inputs (files and image folders), present or awaited; changes to anything else are ignored. */
  let watched = new Set<string>();
  /** The folders chokidar watches (one level deep): those of the inputs, so a deleted and recreated file is seen. */
  let folders = new Set<string>();
  let watcher: FSWatcher | undefined;
  const updateWatched = (next: readonly string[]) => {
    watched = new Set(next);
    const wanted = new Set(watchedFolders(watched));
    const added = [...wanted].filter((f) => !folders.has(f));
    const removed = [...folders].filter((f) => !wanted.has(f));
    if (watcher && added.length > 0) watcher.add(added);
    if (watcher && removed.length > 0) watcher.unwatch(removed);
    folders = wanted;
  };

  /**
   * Tells the browser which files changed: the page swaps the one element `patch` names (when it still shows
   * the page `patch.from` was computed from), or reloads; the PDF preview redraws for cv.pdf.
   */
  const announce = (build: number, written: readonly string[], patch?: LivePatch) => {
    preview.broadcast('reload', {
      build,
      written: written.map((f) => path.relative(outDir, f)),
      ...(patch ? { patch } : {}),
    });
  };

  /** The in-place update of the one HTML page a build changed, and the record of what each page holds now. */
  const patchPages = (files: readonly OutputFile[], written: readonly string[]): LivePatch | undefined => {
    const changed = new Set(written.map((f) => path.relative(outDir, f).split(path.sep).join('/')));
    let patch: LivePatch | undefined;
    let pages = 0;
    for (const file of files) {
      if (!file.path.endsWith('.html') || typeof file.contents !== 'string' || !changed.has(file.path))
        continue;
      pages++;
      const before = writtenPages.get(file.path);
      // The digest `writeChanged` just took of the page, not a second one.
      const after = { html: file.contents, digest: writtenDigests.get(file.path) ?? digest(file.contents) };
      writtenPages.set(file.path, after);
      const found = before === undefined ? undefined : pagePatch(before.html, after.html);
      if (before !== undefined && found && found.elements.length + (found.structuredData ? 1 : 0) > 0)
        patch = { file: file.path, from: before.digest, to: after.digest, ...found };
    }
    return pages === 1 ? patch : undefined;
  };

  const runBuild = async (trigger: readonly string[]): Promise<WatchBuild> => {
    for (const file of trigger) cache.invalidate(file);
    const start = performance.now();
    let build: WatchBuild;
    try {
      // The page first: it is written and the browser told before anything else is rendered. Then the PDF,
      // then the other files (rendered in the PDF's step, they delayed it by ~20 ms). With --strict a warning
      // of any target blocks every output, so there all web targets come first, together.
      const now = clock();
      const web = options.targets.filter((t) => !PRINT_TARGETS.has(t));
      const first: readonly TargetName[] = !options.strict && web.includes('html') ? ['html'] : web;
      const print = options.targets.filter((t) => PRINT_TARGETS.has(t));
      const later = [print, web.filter((t) => !first.includes(t))].filter((targets) => targets.length > 0);
      // The PDF starts after the page is announced, not as soon as the CV is read: its data (cv-data.json,
      // ~10 ms for the corpus) is made in this thread, and made first it delayed the page by as much. The
      // compile itself runs on the Typst worker (docs/architecture.md, "Watch, the page after a save").
      const result = await renderCv({ ...options, targets: first, now, load: cache.load });
      const page = result.blocked ? undefined : writeChanged(result.files, result);
      const written = [...(page?.written ?? [])];
      const previewMs = performance.now() - start;
      // A page that reloads now connects again before the PDF is done: it must get this build's state.
      if (page && !page.failed)
        state = {
          build: count + 1,
          ok: true,
          lastGood: count + 1,
          diagnostics: [...result.diagnostics, ...page.diagnostics].map(forBrowser),
        };
      if (page && !page.failed && written.length > 0)
        announce(count + 1, written, patchPages(result.files, written));
      const timings: Record<string, number> = { ...result.timings };
      let diagnostics = [...result.diagnostics, ...(page?.diagnostics ?? [])];
      const pageOk = !result.blocked && !page?.failed;
      let ok = pageOk;
      // Each step runs when the page was written, whatever the steps before it gave (a PDF that fails to
      // typeset does not keep cv.md from being written).
      for (const targets of later) {
        if (!pageOk || !result.cv) break;
        // Let what was announced leave before this thread renders more: an HTTP response's writes are sent
        // on the next tick, and the Typst compile ran first (the tab saw the page ~300 ms after the save).
        await new Promise((resolve) => setImmediate(resolve));
        const rest = await renderTargets(result.cv, targets, { ...options, now }, timings);
        diagnostics = [
          ...diagnostics,
          ...(options.strict ? warningsAsErrors(rest.diagnostics) : rest.diagnostics),
        ];
        if (blocksOutput(rest.diagnostics, options.strict)) ok = false;
        else {
          const after = writeChanged(rest.files, result);
          diagnostics.push(...after.diagnostics);
          if (after.failed) ok = false;
          else if (after.written.length > 0) announce(count + 1, after.written);
          written.push(...after.written);
        }
      }
      build = {
        build: ++count,
        ok,
        ms: performance.now() - start,
        previewMs,
        diagnostics,
        sources: result.sources,
        written,
        trigger,
        timings,
      };
      if (result.cv) title = result.cv.person.name || 'CV';
      // A failed build keeps watching what the last good one read, plus every YAML file.
      updateWatched(
        result.cv
          ? buildInputPaths(options.files, result.cv)
          : [...watched, ...buildInputPaths(options.files, undefined)],
      );
    } catch (cause) {
      // Writing failed (disk full, permissions): report it like any problem, keep watching.
      build = {
        build: ++count,
        ok: false,
        ms: performance.now() - start,
        previewMs: performance.now() - start,
        diagnostics: [
          error({
            code: 'watch-build-failed',
            message: `the rebuild failed: ${(cause as Error).message}`,
          }),
        ],
        sources: new Map(),
        written: [],
        trigger,
        timings: {},
      };
    }
    last = build;
    state = {
      build: build.build,
      ok: build.ok,
      lastGood: build.ok ? build.build : state.lastGood,
      diagnostics: build.diagnostics.map(forBrowser),
    };
    preview.broadcast('diagnostics', state);
    options.onBuild?.(build);
    const resolved = waiters;
    waiters = [];
    for (const resolve of resolved) resolve(build);
    return build;
  };

  // Builds run one after another; changes that arrive meanwhile are gathered into the next one.
  let chain: Promise<unknown> = Promise.resolve();
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  /** A build after the ones queued; unless forced, none when an earlier one already took every change. */
  const enqueue = (force: boolean): Promise<WatchBuild> => {
    const next = chain.then(() => {
      if (!force && pending.size === 0) return last as WatchBuild;
      const trigger = [...pending];
      pending.clear();
      return runBuild(trigger);
    });
    // A failure (an `onBuild` that throws) must not stop the builds after it.
    chain = next.catch(() => undefined);
    return next;
  };
  const onChange = (changed: string) => {
    const file = path.resolve(changed);
    if (!isInputEvent(watched, file)) return;
    // An output written into an input folder (a publication image with `--out .`) is this process's own write.
    if (writtenDigests.has(path.relative(outDir, file))) return;
    pending.add(file);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void enqueue(false);
    }, debounceMs);
  };

  // The Typst worker, kept for every build (its caches warm), started while the first build reads the CV.
  const print = options.targets.filter((t) => PRINT_TARGETS.has(t));
  if (print.length > 0) await prewarmForRepeatedRenders(print, options);
  await enqueue(true);
  watcher = watch([...folders], { ignoreInitial: true, depth: 0 });
  // The system's own events, as chokidar passes them on (`raw`), not its `change`/`add`/`unlink`: chokidar
  // drops a path's `change` that comes within 50 ms of the one before (a throttle of its own), so a save right
  // after another (format on save, a fix typed the moment a broken save failed) was never built and the page
  // kept the earlier save. Every event of chokidar comes from one of these; the quiet period merges them.
  watcher.on('raw', (_event, name, details) => {
    for (const file of rawEventFiles(watched, folders, name, details)) onChange(file);
  });
  // Without a listener, an error of the watcher (EMFILE, ENOSPC: the system's watch limits) would end the
  // process; it is reported, in the terminal and over the page, and watching goes on where it can.
  watcher.on('error', (cause) => {
    const problem = watchFailed(cause);
    state = { ...state, diagnostics: [...state.diagnostics, forBrowser(problem)] };
    preview.broadcast('diagnostics', state);
    options.onWatchError?.(problem);
  });
  // With nothing to watch yet (every input missing), chokidar never says it is ready.
  if (folders.size > 0) await new Promise<void>((resolve) => watcher?.once('ready', () => resolve()));

  const url = `http://${options.host ?? '127.0.0.1'}:${port}/`;
  let closed: Promise<void> | undefined;
  return {
    url,
    pdfUrl: `${url.slice(0, -1)}${PDF_PAGE_PATH}`,
    port,
    inputs: () => [...watched],
    liveClients: () => preview.clientCount(),
    lastBuild: () => last as WatchBuild,
    nextBuild: () => new Promise((resolve) => waiters.push(resolve)),
    rebuild: () => enqueue(true),
    close: () => {
      closed ??= (async () => {
        if (timer) clearTimeout(timer);
        await watcher?.close();
        await chain;
        await preview.close();
      })();
      return closed;
    },
  };
}
