/**
 * `--pdf-engine latex`: compiles cv.tex with latexmk + pdfLaTeX in a private temporary folder, never with
 * shell escape, and turns TeX's first error into a diagnostic that points at the line of cv.tex.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Diagnostic, error } from '../../diagnostics/diagnostic.js';
import { SECTION_MARKER } from './document.js';
import { type LatexLogError, parseLatexLog } from './log.js';

export interface LatexCompileOptions {
  /** latexmk is stopped (with its pdflatex) after this long; default 60 s. */
  readonly timeoutMs?: number;
  /** Sets SOURCE_DATE_EPOCH, so the PDF's dates and ID depend only on this date (reproducible builds). */
  readonly now?: Date;
  /** Compile in this existing folder and keep it (tests inspect it); default: a private temporary folder, removed after. */
  readonly workDir?: string;
  /** How diagnostics name the .tex file; default `cv.tex`. */
  readonly texPath?: string;
  /** The latexmk executable; default `latexmk` from PATH. */
  readonly latexmk?: string;
}

export interface LatexCompileResult {
  readonly pdf?: Uint8Array;
  readonly diagnostics: readonly Diagnostic[];
  /** pdfLaTeX's log when the run failed, for writing beside the outputs. */
  readonly log?: string;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const JOB = 'cv';
const OUTPUT_LIMIT = 1_000_000;
const INSTALL_HINT =
  'Install TeX Live with latexmk (Debian/Ubuntu: `apt-get install latexmk texlive-latex-base lmodern`), or use the default Typst engine by leaving out `--pdf-engine latex`.';

export const LATEXMK_ARGS: readonly string[] = [
  '-pdf',
  '-norc',
  '-interaction=nonstopmode',
  '-halt-on-error',
  '-file-line-error',
  '-no-shell-escape',
];

/**
 * The environment of the TeX run. kpathsea reads these variables before texmf.cnf: no shell escape, and reads
 * and writes only below the build folder ("paranoid": no absolute paths, no `..`, no dot files), no font
 * generation (which would write to the home folder), and long log lines so error messages are not wrapped.
 */
export function latexEnvironment(base: NodeJS.ProcessEnv, now: Date | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const name of ['TEXINPUTS', 'TEXMFOUTPUT', 'TEXMFAUXTREES', 'LATEXMKRCSYS', 'SOURCE_DATE_EPOCH'])
    delete env[name];
  Object.assign(env, {
    shell_escape: 'f',
    openout_any: 'p',
    openin_any: 'p',
    MKTEXTFM: '0',
    MKTEXPK: '0',
    MKTEXMF: '0',
    MKTEXTEX: '0',
    max_print_line: '10000',
    error_line: '254',
    half_error_line: '238',
  });
  if (now !== undefined) env.SOURCE_DATE_EPOCH = String(Math.max(0, Math.floor(now.getTime() / 1000)));
  return env;
}

interface RunResult {
  readonly exitCode: number | null;
  readonly output: string;
  readonly timedOut: boolean;
  readonly notFound: boolean;
}

function run(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<RunResult> {
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    let settled = false;
    const finish = (result: RunResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    // Its own process group, so a timeout stops latexmk and the pdflatex it started.
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const collect = (chunk: Buffer): void => {
      if (output.length < OUTPUT_LIMIT) output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('error', (err: NodeJS.ErrnoException) => {
      finish({ exitCode: null, output, timedOut, notFound: err.code === 'ENOENT' });
    });
    child.on('close', (exitCode) => {
      finish({ exitCode, output, timedOut, notFound: false });
    });
  });
}

async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch {
    return undefined;
  }
}

/** The last `%% vita section:` marker at or above `line`: which section of cv.yaml wrote that line. */
function sectionAt(tex: string, line: number): string | undefined {
  const lines = tex.split('\n');
  for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
    const text = lines[i] as string;
    if (text.startsWith(SECTION_MARKER)) return text.slice(SECTION_MARKER.length).trim();
  }
  return undefined;
}

const clip = (text: string, max = 160): string => (text.length > max ? `${text.slice(0, max)}...` : text);

/** The readable diagnostic for TeX's first error. */
export function latexErrorDiagnostic(found: LatexLogError, tex: string, texPath: string): Diagnostic {
  const inDocument = found.file === undefined || found.file === `${JOB}.tex`;
  const where =
    found.line === undefined
      ? ''
      : inDocument
        ? ` at ${texPath} line ${found.line}`
        : ` in ${found.file} line ${found.line}`;
  const hints: string[] = [];
  if (inDocument && found.line !== undefined) {
    const source = tex.split('\n')[found.line - 1];
    if (source !== undefined) hints.push(`${texPath}:${found.line}: ${clip(source.trim())}`);
  }
  if (found.before !== undefined) {
    hints.push(
      `TeX stopped after reading \`${clip(found.before.trim(), 120)}\`${found.after ? ` (before \`${clip(found.after, 60)}\`)` : ''}.`,
    );
  }
  if (inDocument && found.line !== undefined) {
    const section = sectionAt(tex, found.line);
    if (section !== undefined) hints.push(`That line was written for the section ${section}.`);
  }
  const missingFile = /File `([^']+)' not found/.exec(found.message);
  if (missingFile && /^(?:\/|\.\.)/.test(missingFile[1] ?? '')) {
    hints.push('TeX may read files only inside its build folder (openin_any=p), so this file is refused.');
  } else if (missingFile) {
    hints.push(`Your TeX installation lacks ${missingFile[1]}; install it, or use the default Typst engine.`);
  } else {
    hints.push(
      'cv.tex is written by vita, so a text field probably holds something pdfLaTeX cannot typeset; the default Typst engine does not need TeX.',
    );
  }
  const message =
    found.undefinedCommand === undefined
      ? found.message
      : `${found.message.replace(/\.$/, '')} \`${found.undefinedCommand}\`.`;
  return error({
    code: 'latex-compile',
    message: `pdfLaTeX stopped${where}: ${message}`,
    position:
      inDocument && found.line !== undefined ? { file: texPath, line: found.line, column: 1 } : undefined,
    hints,
  });
}

/** Compiles LaTeX source to PDF with latexmk. Never throws for TeX problems: they come back as diagnostics. */
export async function compileLatexPdf(
  tex: string,
  options: LatexCompileOptions = {},
): Promise<LatexCompileResult> {
  const texPath = options.texPath ?? `${JOB}.tex`;
  const workDir = options.workDir ?? (await mkdtemp(path.join(tmpdir(), 'vita-latex-')));
  try {
    await writeFile(path.join(workDir, `${JOB}.tex`), tex, 'utf8');
    const env = latexEnvironment(process.env, options.now);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const result = await run(
      options.latexmk ?? 'latexmk',
      [...LATEXMK_ARGS, `${JOB}.tex`],
      workDir,
      env,
      timeoutMs,
    );
    if (result.notFound) {
      return {
        diagnostics: [
          error({
            code: 'latex-not-installed',
            message: '`--pdf-engine latex` needs latexmk and pdfLaTeX, and latexmk was not found on the PATH',
            hints: [INSTALL_HINT],
          }),
        ],
      };
    }
    const log = (await readIfExists(path.join(workDir, `${JOB}.log`)))?.toString('latin1');
    if (result.timedOut) {
      return {
        diagnostics: [
          error({
            code: 'latex-timeout',
            message: `latexmk did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped`,
            hints: [
              'A TeX loop in cv.tex, or a very slow machine; the default Typst engine does not need TeX.',
            ],
          }),
        ],
        ...(log === undefined ? {} : { log }),
      };
    }
    const pdf = await readIfExists(path.join(workDir, `${JOB}.pdf`));
    if (result.exitCode === 0 && pdf !== undefined) return { pdf: new Uint8Array(pdf), diagnostics: [] };
    const found = log === undefined ? undefined : parseLatexLog(log);
    if (found !== undefined) {
      return {
        diagnostics: [latexErrorDiagnostic(found, tex, texPath)],
        ...(log === undefined ? {} : { log }),
      };
    }
    const tail = result.output.trim().split('\n').slice(-6).join('\n');
    const notInstalled = /pdflatex: (?:command )?not found|Could not find file|can't exec/i.test(
      result.output,
    );
    return {
      diagnostics: [
        error({
          code: notInstalled ? 'latex-not-installed' : 'latex-compile',
          message: notInstalled
            ? 'latexmk is installed but could not run pdfLaTeX.'
            : `latexmk failed (exit code ${result.exitCode ?? 'none'}) without a TeX error in the log.`,
          hints: [notInstalled ? INSTALL_HINT : `latexmk said: ${clip(tail, 600)}`],
        }),
      ],
      ...(log === undefined ? {} : { log }),
    };
  } finally {
    if (options.workDir === undefined) await rm(workDir, { recursive: true, force: true });
  }
}

let availability: Promise<boolean> | undefined;

/** Whether latexmk and pdflatex can be run (checked once per process). */
export function isLatexAvailable(): Promise<boolean> {
  availability ??= (async () => {
    const env = latexEnvironment(process.env, undefined);
    const cwd = tmpdir();
    for (const [command, flag] of [
      ['latexmk', '-v'],
      ['pdflatex', '--version'],
    ] as const) {
      const result = await run(command, [flag], cwd, env, 10_000);
      if (result.notFound || result.exitCode !== 0) return false;
    }
    return true;
  })();
  return availability;
}
