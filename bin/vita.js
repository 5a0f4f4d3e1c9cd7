#!/usr/bin/env node
// Node >= 22.1 keeps V8's compiled code of the bundle on disk (in NODE_COMPILE_CACHE, else the system's
// temporary folder), so later starts skip compiling it; Node 20 has no such API and starts as before.
// It must be on before the bundle loads, hence the dynamic import.
import module from 'node:module';

module.enableCompileCache?.();
const { main } = await import('../dist/bundle/main.js');
process.exitCode = await main(process.argv.slice(2));
