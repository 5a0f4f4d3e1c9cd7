#!/usr/bin/env node
// The CLI is one CommonJS bundle, run with V8's code cache in the user's cache folder (src/cli/code-cache.ts):
// a start then skips compiling it. The cache is written after a run, with what the run compiled, the first
// time a command runs with its targets (`build`, `build --only md`, `watch`...).
import { fileURLToPath } from 'node:url';
import { compileCacheDir, requireWithCodeCache } from '../dist/cli/code-cache.js';

const argv = process.argv.slice(2);
const cli = requireWithCodeCache(
  fileURLToPath(new URL('../dist/bundle/cli.cjs', import.meta.url)),
  compileCacheDir(),
);
process.exitCode = await cli.exports.main(argv);
const only = argv.indexOf('--only');
cli.saveCache(
  [
    argv.find((a) => !a.startsWith('-')),
    only === -1 ? argv.find((a) => a.startsWith('--only=')) : argv[only + 1],
  ].join(' '),
);
