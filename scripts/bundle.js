// Bundles the CLI into dist/bundle/ after `tsc` has type-checked and emitted the library into dist/. A bundled
// start loads one file instead of hundreds (zod, yaml, commander and our modules): the whole corpus build takes
// about 40% less time.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { lazyChildProcessForCommander } from './lazy-child-process.js';

/**
 * zod re-exports every one of its ~50 message locales (`z.locales`, `z.core.locales`); vita uses English
 * only (the default, imported by zod's schemas directly). Stubbing the locales index leaves out ~0.6 MB
 * that Node would otherwise read and compile on every start.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}zod${path.sep}`)
        ? { path: path.join(args.resolveDir, '../locales/en.js'), namespace: 'zod-locales' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      loader: 'js',
      resolveDir: path.dirname(args.path),
    }));
  },
};

rmSync('dist/bundle', { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // The native Typst compiler loads its platform binary; the browser tools are for tests only.
  external: ['@myriaddreamin/typst-ts-node-compiler', 'playwright-core', 'axe-core'],
  plugins: [zodEnglishOnly, lazyChildProcessForCommander],
  logLevel: 'warning',
};

// The CLI: one CommonJS file, which bin/vita.js runs with V8's code cache (src/cli/code-cache.ts). One file
// for every command: with the cache, a start deserializes compiled code instead of compiling it, whatever its
// size; split ES modules cost ~100 ms of resolving, reading and compiling (docs/architecture.md, "Start-up").
// `import.meta.url` is the bundle's own URL, which is where the Typst worker and the package root are found.
await build({
  ...common,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist/bundle',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  define: { 'import.meta.url': '__vitaModuleUrl' },
  banner: { js: "const __vitaModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// The Typst worker runs on a second thread (src/render/typst/compiler.ts), loaded by the Worker as a module.
await build({
  ...common,
  entryPoints: { 'typst-worker': 'src/render/typst/typst-worker.ts' },
  outdir: 'dist/bundle',
  format: 'esm',
  banner: {
    js: "import { createRequire as __vitaRequire } from 'node:module'; const require = __vitaRequire(import.meta.url);",
  },
});

/**
 * Escapes every character outside ASCII in the CLI bundle (in strings, comments, regular expressions and
 * templates; esbuild's `charset: 'ascii'` leaves those of tagged templates and regular expressions) as
 * `\uXXXX`, which means the same character in each of those places except the raw strings of a tagged template:
 * `String.raw` is the one tag vita uses that reads them, and a character outside ASCII in one stops the build
 * (the check reads up to the template's first backtick: a template nested in a `${}` is checked on its own,
 * the rest of the outer one after it is not). An ASCII file is read as a one-byte string, half the memory and
 * a third of the decoding time (src/cli/code-cache.ts).
 */
function escapeToAscii(file) {
  const text = readFileSync(file, 'utf8');
  for (let at = text.indexOf('String.raw`'); at !== -1; at = text.indexOf('String.raw`', at + 1)) {
    const end = text.indexOf('`', at + 'String.raw`'.length);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range itself
    if (/[^\x00-\x7f]/.test(text.slice(at, end))) {
      throw new Error(`${file}: a character outside ASCII in a String.raw template, at offset ${at}`);
    }
  }
  // A character already escaped (`\–`, an identity escape) keeps its one backslash: `\u2013` means the same.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range itself
  const ascii = text.replace(/(\\*)([^\x00-\x7f])/g, (_all, slashes, c) => {
    const hex = `u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    return slashes.length % 2 === 1 ? `${slashes}${hex}` : `${slashes}\\${hex}`;
  });
  new vm.Script(ascii, { filename: file }); // a syntax error here, not at the user's first start
  writeFileSync(file, ascii);
}

escapeToAscii('dist/bundle/cli.cjs');

/**
 * PDF.js for the watch preview (src/watch/pdf-viewer-assets.ts): the library and its worker, as published,
 * with their licence. Copied rather than depended on at run time: the two files are 1.7 MB, the package with
 * its optional native canvas ~70 MB.
 */
function vendorPdfJs() {
  const require = createRequire(import.meta.url);
  const build = path.dirname(require.resolve('pdfjs-dist/build/pdf.min.mjs'));
  const out = 'dist/vendor/pdfjs';
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const name of ['pdf.min.mjs', 'pdf.worker.min.mjs'])
    copyFileSync(path.join(build, name), path.join(out, name));
  copyFileSync(path.join(build, '..', 'LICENSE'), path.join(out, 'LICENSE'));
}

vendorPdfJs();
