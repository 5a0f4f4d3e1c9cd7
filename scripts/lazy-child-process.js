// An esbuild plugin for the CLI bundle (scripts/bundle.js): commander without `node:child_process` at start.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** What commander calls on `child_process`; the stand-in has exactly these. */
export const COMMANDER_CHILD_PROCESS_USES = ['spawn'];

/**
 * commander requires `node:child_process` as it loads, for executable subcommands (`vita-foo` files run as
 * `vita foo`), which vita does not have. Loading it, with `net` and `dgram` behind it, costs 5-9 ms of every
 * start on the bench machine. commander gets a stand-in whose functions load the real module on their first
 * call. The bundle stops with an error if commander's source calls anything else on `childProcess`, or names
 * the module differently, so the stand-in is never missing what commander calls.
 */
export const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.namespace === 'file' && args.importer.includes(`${path.sep}commander${path.sep}`)
        ? {
            // One stand-in per importing file, each checked against that file; named relative to the working
            // folder so that the bundle holds no absolute path.
            path: path.relative(process.cwd(), args.importer).split(path.sep).join('/'),
            namespace: 'lazy-child-process',
            pluginData: { importer: args.importer },
          }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, (args) => {
      const { importer } = args.pluginData;
      const source = readFileSync(importer, 'utf8');
      const used = [
        ...new Set([...source.matchAll(/\bchildProcess\.(\w+)/g)].map((match) => match[1])),
      ].sort();
      if (used.join() !== COMMANDER_CHILD_PROCESS_USES.join()) {
        throw new Error(
          `${importer} calls child_process's ${used.join(', ') || '(nothing named childProcess)'}; the lazy stand-in of scripts/lazy-child-process.js has ${COMMANDER_CHILD_PROCESS_USES.join(', ')}`,
        );
      }
      const members = COMMANDER_CHILD_PROCESS_USES.map(
        (name) => `exports.${name} = (...args) => require('node:child_process').${name}(...args);`,
      );
      return { contents: members.join('\n'), loader: 'js' };
    });
  },
};
