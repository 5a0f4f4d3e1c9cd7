/** Debian's Chromium through playwright-core, launched as the watch-mode browser tests run it. */
import { type Browser, chromium } from 'playwright-core';

/** A headless Chromium without sandbox, GPU or first-run setup (what these machines and CI can run). */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
}
