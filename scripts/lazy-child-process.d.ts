// Types for the test that imports the plugin (test/cli/lazy-child-process.test.ts).
import type { Plugin } from 'esbuild';

export declare const COMMANDER_CHILD_PROCESS_USES: readonly string[];
export declare const lazyChildProcessForCommander: Plugin;
