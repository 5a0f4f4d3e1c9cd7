/**
 * The options of every command, kept apart from the commands themselves so that the CLI starts without
 * loading what a command needs: `vita --help` or `vita build` never load the watch server or the link checker.
 */
import type { Command } from 'commander';
import { TARGET_NAMES } from '../render/registry.js';
import { DEFAULT_PDF_ENGINE } from '../render/shared/target.js';
import { DEFAULT_PORT } from '../watch/defaults.js';

export interface BuildCommandOptions {
  out: string;
  only?: string;
  date?: string;
  lenient?: boolean;
  allowRead?: string[];
  offline?: boolean;
  refresh?: boolean;
  quiet?: boolean;
  pdfEngine?: string;
  baseUrl?: string;
  htmlName?: string;
  cacheDir?: string;
  timings?: boolean;
  strict?: boolean;
  verbose?: boolean;
  /** `vita build --variant NAME`: that variant only. */
  variant?: string;
}

const ALLOW_READ_FLAGS = '--allow-read <folder>';
const ALLOW_READ_HELP =
  "a folder besides the YAML files' own that the CV may read .bib files or a theme from (repeatable)";
/** A repeatable option's values, in order. */
const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function addBuildOptions(command: Command): Command {
  return command
    .option('-o, --out <dir>', 'output folder', 'build')
    .option('--only <targets>', `comma-separated targets to build (${TARGET_NAMES.join(',')})`)
    .option('--date <YYYY-MM-DD>', 'date shown as "Last updated" (default: SOURCE_DATE_EPOCH, else today)')
    .option(
      '--lenient',
      'no longer needed (accepted, does nothing): incomplete publications are always warnings',
    )
    .option(ALLOW_READ_FLAGS, ALLOW_READ_HELP, collect, [])
    .option('--offline', 'never use the network; enrichment uses the cache only')
    .option('--refresh', 'refetch GitHub and citation data even when the cache is fresh')
    .option('-q, --quiet', 'print only problems')
    .option('--pdf-engine <engine>', 'typst (built in) or latex (needs latexmk)', DEFAULT_PDF_ENGINE)
    .option('--base-url <url>', 'absolute URL where the site is published (JSON-LD, Open Graph)')
    .option('--html-name <file>', 'name of the standalone HTML page', 'index.html')
    .option('--cache-dir <dir>', 'enrichment cache folder (default: .vita-cache beside the first YAML)')
    .option('--strict', 'treat warnings as errors (nothing is written when there is any)')
    .option('--verbose', 'list every warning (default: a few of each kind, then a count)')
    .option('--timings', 'print the time of each stage');
}

export interface WatchCommandOptions extends BuildCommandOptions {
  port: string;
  open: boolean;
}

export function addWatchOptions(command: Command): Command {
  return command
    .option('--port <n>', 'port of the preview server on 127.0.0.1 (0: any free port)', String(DEFAULT_PORT))
    .option('--no-open', 'do not open the preview in a browser');
}

export interface CheckCommandOptions {
  links?: boolean;
  timeout?: string;
  concurrency?: string;
  only?: string;
  lenient?: boolean;
  allowRead?: string[];
  strict?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

export function addCheckOptions(command: Command): Command {
  return command
    .option('--links', 'also fetch every link of the YAML and .bib files and report the broken ones')
    .option('--timeout <duration>', 'time allowed for each link: seconds, or with a unit (500ms, 2s)', '10s')
    .option('--concurrency <n>', 'links fetched at once (at most 2 per host)', '8')
    .option('--only <targets>', 'targets to render while validating (default: all)')
    .option(
      '--lenient',
      'no longer needed (accepted, does nothing): incomplete publications are always warnings',
    )
    .option(ALLOW_READ_FLAGS, ALLOW_READ_HELP, collect, [])
    .option('--strict', 'treat warnings as errors')
    .option('--verbose', 'list every warning (default: a few of each kind, then a count)')
    .option('-q, --quiet', 'print only problems');
}

export interface ImportCommandOptions {
  out: string;
}

export function addImportOptions(command: Command): Command {
  return command.option('-o, --out <dir>', 'folder to write cv.yaml (and publications.bib) into', '.');
}

export interface SchemaCommandOptions {
  out?: string;
}

export function addSchemaOptions(command: Command): Command {
  return command.option('-o, --out <file>', 'write the schema to this file (default: standard output)');
}
