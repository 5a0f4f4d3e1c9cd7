/**
 * Every output target, by name. Targets load lazily so `vita build --only md` never loads the PDF
 * compiler. A new target is a new folder under src/render/ plus one line here.
 */
import { DEFAULT_PDF_ENGINE, type RenderOptions, type Target, type TargetName } from './shared/target.js';

type TargetLoader = (options: Pick<RenderOptions, 'pdfEngine'>) => Promise<Target>;

export const TARGETS: { readonly [N in TargetName]?: TargetLoader } = {
  md: async () => (await import('./markdown/index.js')).markdownTarget,
  html: async () => (await import('./html/index.js')).htmlTarget,
  // The PDF comes from the built-in Typst engine, or from LaTeX with `--pdf-engine latex`.
  pdf: async ({ pdfEngine }) =>
    pdfEngine === 'latex'
      ? (await import('./latex/index.js')).latexPdfTarget
      : (await import('./typst/index.js')).typstTarget,
  tex: async () => (await import('./latex/index.js')).latexTarget,
  json: async () => (await import('./jsonresume/index.js')).jsonResumeTarget,
};

export const TARGET_NAMES = Object.keys(TARGETS) as TargetName[];

export function isTargetName(name: string): name is TargetName {
  return Object.hasOwn(TARGETS, name);
}

/**
 * Loads a target and lets it start its slow work (`render` reports any failure, so this never rejects).
 * Await it before reading the CV: reading is synchronous, so work started after it would wait for the end.
 */
export function prewarmTarget(
  name: TargetName,
  options: Pick<RenderOptions, 'pdfEngine'>,
  use: { readonly repeated?: boolean } = {},
): Promise<void> {
  return loadTarget(name, options).then(
    (target) => target.prewarm?.(use),
    () => undefined,
  );
}

export async function loadTarget(
  name: TargetName,
  options: Pick<RenderOptions, 'pdfEngine'> = { pdfEngine: DEFAULT_PDF_ENGINE },
): Promise<Target> {
  const load = TARGETS[name];
  if (!load) throw new Error(`no renderer registered for target ${name}`);
  return load(options);
}
