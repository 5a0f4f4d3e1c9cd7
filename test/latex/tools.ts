/**
 * What the LaTeX compile tests need from the machine: latexmk and pdflatex (skip when absent, fail in CI).
 * The PDFs are read back with test/helpers/pdf.ts (pure JavaScript).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { isLatexAvailable } from '../../src/render/latex/compile.js';
import { registerSkip } from '../helpers/skips.js';

export const latexAvailable = await isLatexAvailable();

// CI installs TeX (see docs/latex.md) and runs with VITA_REQUIRE_ALL=1, so there a skip fails the run.
if (!latexAvailable) {
  registerSkip('LaTeX engine', 'apt-get install --no-install-recommends latexmk texlive-latex-base lmodern');
}

function run(tool: string, args: readonly string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Folders that hold the TeX installation (what TeX may read besides the build folder). */
export function texInstallationRoots(): string[] {
  const variables = [
    'TEXMFROOT',
    'TEXMFDIST',
    'TEXMFMAIN',
    'TEXMFLOCAL',
    'TEXMFSYSVAR',
    'TEXMFSYSCONFIG',
    'TEXMFVAR',
    'TEXMFCONFIG',
  ];
  const roots = variables.flatMap((name) =>
    run('kpsewhich', [`-var-value=${name}`])
      .trim()
      .split(/[:;]/)
      .filter((dir) => dir.startsWith('/')),
  );
  const configs = run('kpsewhich', ['-all', 'texmf.cnf'])
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((file) => path.dirname(file));
  // Debian keeps the fonts of lmodern and the TeX configuration outside TEXMFDIST.
  return [
    ...new Set([
      ...roots,
      ...configs,
      '/usr/share/texmf',
      '/usr/share/texlive',
      '/var/lib/texmf',
      '/etc/texmf',
    ]),
  ];
}
