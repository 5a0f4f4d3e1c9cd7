/** The `vita` command line. Exit codes: 0 ok, 1 input errors, 2 usage errors. */
import { Command, CommanderError } from 'commander';
import { OutputWriteError } from '../pipeline/write-outputs.js';
import { packageVersion } from '../util/package-root.js';
import {
  addBuildOptions,
  addCheckOptions,
  addImportOptions,
  addSchemaOptions,
  addWatchOptions,
  type BuildCommandOptions,
  type CheckCommandOptions,
  type ImportCommandOptions,
  type SchemaCommandOptions,
  type WatchCommandOptions,
} from './options.js';
import { type Io, processIo } from './report.js';
import { UsageError } from './usage-error.js';

export { packageVersion };

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command('vita')
    .description(
      'Build an academic CV (PDF, website, Jekyll Markdown, LaTeX, JSON Resume) from cv.yaml and BibTeX.',
    )
    .version(packageVersion(), '-v, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });

  addBuildOptions(
    program
      .command('build')
      .description('render the CV into the output folder')
      .argument('[yaml...]', 'YAML files, merged in order (later files win at the top level)', []),
  )
    .option(
      '--variant <name>',
      'build this variant only (`variants:`); default: the full CV and every variant',
    )
    .action(async (yamls: string[], options: BuildCommandOptions) => {
      const { runBuild } = await import('./commands/build.js');
      exitCode = await runBuild(io, yamls, options);
    });

  addWatchOptions(
    addBuildOptions(
      program
        .command('watch')
        .description('build, preview with live reload, and rebuild on every change')
        .argument('[yaml...]', 'YAML files, merged in order (later files win at the top level)', []),
    ),
  ).action(async (yamls: string[], options: WatchCommandOptions) => {
    const { runWatch } = await import('./commands/watch.js');
    exitCode = await runWatch(io, yamls, options);
  });

  addCheckOptions(
    program
      .command('check')
      .description('validate the CV without writing anything; --links also checks every link')
      .argument('[yaml...]', 'YAML files, merged in order (later files win at the top level)', []),
  ).action(async (yamls: string[], options: CheckCommandOptions) => {
    const { runCheck } = await import('./commands/check.js');
    exitCode = await runCheck(io, yamls, options);
  });

  program
    .command('init')
    .description('start a new CV repository: cv.yaml, publications.bib, README, GitHub Pages workflow')
    .argument('[dir]', 'folder to create the files in', '.')
    .option('--locale <tag>', 'the language of the new CV (BCP 47: de, fr, ja, ...); default English')
    .action(async (dir: string, options: { locale?: string }) => {
      const { runInit } = await import('./commands/init.js');
      exitCode = runInit(io, dir, packageVersion(), options.locale);
    });

  addSchemaOptions(
    program.command('schema').description('print (or write) the JSON Schema of cv.yaml'),
  ).action(async (options: SchemaCommandOptions) => {
    const { runSchema } = await import('./commands/schema.js');
    exitCode = runSchema(io, options);
  });

  addImportOptions(
    program
      .command('import')
      .description('create a cv.yaml from another format')
      .command('jsonresume')
      .description('a cv.yaml (and publications.bib) from a JSON Resume file')
      .argument('<file>', 'the JSON Resume document (resume.json)'),
  ).action(async (file: string, options: ImportCommandOptions) => {
    const { runImportJsonResume } = await import('./commands/import.js');
    exitCode = runImportJsonResume(io, file, options);
  });

  try {
    if (argv.length === 0) {
      program.outputHelp({ error: true });
      return 2;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (cause) {
    if (cause instanceof CommanderError) {
      if (
        cause.code === 'commander.helpDisplayed' ||
        cause.code === 'commander.version' ||
        cause.code === 'commander.help'
      ) {
        return 0;
      }
      return 2;
    }
    if (cause instanceof UsageError) {
      io.stderr.write(`vita: error: ${cause.message}\n`);
      if (cause.hint) io.stderr.write(`  hint: ${cause.hint}\n`);
      return 2;
    }
    const errno = cause as NodeJS.ErrnoException;
    if (
      cause instanceof OutputWriteError ||
      (typeof errno.code === 'string' && typeof errno.syscall === 'string')
    ) {
      // The file system said no (a file where a folder should be, no permission, a full disk): not a bug.
      io.stderr.write(`vita: error: ${errno.message}\n`);
      if (cause instanceof OutputWriteError && cause.hint) io.stderr.write(`  hint: ${cause.hint}\n`);
      return 1;
    }
    io.stderr.write(`vita: internal error: ${(cause as Error).stack ?? String(cause)}\n`);
    io.stderr.write('this is a bug in vita; please report it with the input that triggers it\n');
    return 70;
  }
}
