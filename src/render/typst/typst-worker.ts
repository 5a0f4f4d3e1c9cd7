/** The Typst worker thread (see `startTypstWorker` in compiler.ts): compiles what the main thread sends. */
import { parentPort, workerData } from 'node:worker_threads';
import { compileTypst, prewarmCompiler, type TypstWorkerData, type TypstWorkerRequest } from './compiler.js';

const port = parentPort;
if (!port) throw new Error('typst-worker.js runs as a worker thread only');

try {
  prewarmCompiler((workerData as TypstWorkerData).prewarmRoot);
} catch {
  // Reported by the first compile, which tries again and fails with the real message.
}

port.on('message', ({ id, input, oneShot }: TypstWorkerRequest) => {
  try {
    port.postMessage({ id, output: compileTypst(input, { oneShot }) });
  } catch (cause) {
    port.postMessage({ id, error: cause instanceof Error ? cause.message : String(cause) });
  }
});
