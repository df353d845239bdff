/**
 * `npm run cli -- ...`: one-shot commands, content checks and a JSON-lines
 * interface for scripts. Run without arguments (or `help`) for usage.
 */
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { ContentError, loadRoles } from '../../src/content/load.js';
import { roleSchema } from '../../src/content/schema.js';
import { boot, contentDir, exitOnSetupError, isSetupError } from '../boot.js';
import { APOLOGY } from '../format/words.js';
import { createLogger } from '../logger.js';
import { disputeLines, disputeReport } from './disputes.js';
import { flagLines, flagReport } from './flags.js';
import { jsonLineWriter, questionLines, runGradeLines, runSearchLines } from './json-lines.js';
import { withReadOnlyStore } from './read-store.js';
import { renderReply } from './render.js';
import { consoleContext, parseCommandLine, runRepl, wantsColor } from './repl.js';
import { runScorecards } from './scorecards.js';

/** The CLI's usage text. */
export const USAGE = `Panelist CLI

Usage: npm run cli -- <command>

  "/<role>-<command> [args]"   run one chat command and print the reply, e.g.
                               npm run cli -- "/devops-question advanced"
                               npm run cli -- "/devops-quiz answer B"
                               (state such as a running quiz is kept in DATA_DIR)
  repl                         the interactive console (what npm start runs with no tokens set)
  validate                     check the role files in CONTENT_DIR (default content/roles)
  schema                       print the JSON Schema of a role file (for editors)
  questions --json             every question as one JSON line: {"id","tier","topics","prompt","answer"}
  search --json                read one query per line, write {"query","results":[...]} per line
  grade --json                 read {"questionId","answer"} lines, write {"questionId","score","covered","missed",
                               "points","contradictions","capped"?}: each key point's verdict and the wrong claims
  flags [--json]               questions users flagged as bad, most-flagged first (read from the Postgres
                               database of DATABASE_URL when set, else from DATA_DIR, as the bot itself does);
                               --json: one {"roleId","questionId","count","spaces","lastAt"} line per question
  disputes [--json]            free-text grades users disputed ("I think I was right"), newest first; --json: one
                               {"roleId","questionId","space","userId","name","answer","score","at"} line each
                               (flags and disputes are read-only, like questions/search/grade/validate/schema:
                               they work while the bot runs)
  scorecards --json            interview scorecards (DATABASE_URL, else DATA_DIR), latest first, one JSON line each:
                               {"id","author","candidate","level","started","questions","summary",...}
  scorecards --markdown <id>   one scorecard as Markdown (both read-only, and never one older than
                               INTERVIEW_RETENTION_DAYS)
  import-file [DATA_DIR]       copy a data directory (default DATA_DIR) into the Postgres database of
                               DATABASE_URL; only what is not there yet, so running it twice copies nothing new
  help                         this text

Use "npm run --silent cli -- ..." so npm prints nothing but the output.
Exit codes: 0 ok, 1 set-up problem or failed input lines, 2 the reply was an error.
`;

/** Standard streams and environment, injectable for tests. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const logger = createLogger({ level: 'warn' });

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(text.endsWith('\n') ? text : `${text}\n`)) resolve();
    else stream.once('drain', () => resolve());
  });
}

/** `validate`: 0 when the content loads, else 1 with the problems on stderr. */
async function validate(io: CliIo): Promise<number> {
  try {
    const roles = await loadRoles(contentDir(io.env));
    const questions = roles.reduce((n, r) => n + r.questions.length, 0);
    await write(io.stdout, `ok: ${roles.length} role${roles.length === 1 ? '' : 's'}, ${questions} question${questions === 1 ? '' : 's'}`);
    return 0;
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    await write(io.stderr, error.message);
    return 1;
  }
}

/** The JSON Schema editors use for role files: the input shape, so defaulted fields are optional. */
export function roleJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(roleSchema, { io: 'input', unrepresentable: 'any' });
  return { ...schema, title: 'Panelist role file', description: 'One interview role and its question bank (content/roles/*.yaml).' };
}

/** `"/devops-question advanced"`: one request through the file store; 2 when the reply is an error view. */
async function oneShot(line: string, io: CliIo): Promise<number> {
  const request = parseCommandLine(line, consoleContext());
  if (!request) {
    await write(io.stderr, `panelist: "${line}" is not a command; try: npm run cli -- help`);
    return 1;
  }
  const booted = await boot(io.env, 'file');
  try {
    // No flush needed: a reply that records something resolves only once that is on disk
    // (and is a "not saved" error view when it could not be written).
    const reply = await booted.assistant.handle(request);
    await write(io.stdout, renderReply(reply, { color: wantsColor(io.stdout, io.env) }));
    return reply.view.kind === 'error' ? 2 : 0;
  } catch (error) {
    logger.error('one-shot request failed', { error });
    await write(io.stderr, `panelist: ${APOLOGY}`);
    return 1;
  } finally {
    await booted.close();
  }
}

/**
 * `flags [--json]`: the flagged questions, most-flagged first, from Postgres when
 * DATABASE_URL is set, else the file. Read-only: it takes no lock, so it works
 * beside a running bot and sees what that bot has saved.
 */
async function flags(io: CliIo, json: boolean): Promise<number> {
  const lines = flagLines(await withReadOnlyStore(io.env, (store) => store.listFlags()));
  if (json) {
    const out = jsonLineWriter(io.stdout);
    for (const line of lines) await out(line);
  } else {
    // Only the text report shows prompts, so only it needs the content.
    await write(io.stdout, flagReport(lines, await loadRoles(contentDir(io.env))));
  }
  return 0;
}

/** `disputes [--json]`: the grades users disputed, newest first; read-only like `flags`. */
async function disputes(io: CliIo, json: boolean): Promise<number> {
  const lines = disputeLines(await withReadOnlyStore(io.env, (store) => store.listFlags()));
  if (json) {
    const out = jsonLineWriter(io.stdout);
    for (const line of lines) await out(line);
  } else {
    await write(io.stdout, disputeReport(lines, await loadRoles(contentDir(io.env))));
  }
  return 0;
}

/** `repl`: the interactive console, as `npm start` runs it without tokens. */
async function repl(io: CliIo): Promise<number> {
  const booted = await boot(io.env, 'file');
  try {
    await runRepl({ assistant: booted.assistant, roles: booted.roles, input: io.stdin, output: io.stdout, logger });
  } finally {
    await booted.close();
  }
  return 0;
}

/** Runs the CLI with `args` (what follows `cli --`); resolves to the exit code. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = args;
  const json = rest.includes('--json');
  switch (first) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      await write(io.stdout, USAGE);
      return 0;
    case 'validate':
      return validate(io);
    case 'repl':
      return repl(io);
    case 'flags':
      return flags(io, json);
    case 'disputes':
      return disputes(io, json);
    case 'scorecards':
      return runScorecards(rest, io);
    case 'import-file':
      // Loaded only for this command: nothing else in the CLI needs the pg driver.
      return (await import('./import-file.js')).runImportFile(rest, io);
    case 'schema':
      await write(io.stdout, JSON.stringify(roleJsonSchema(), null, 2));
      return 0;
    case 'questions':
    case 'search':
    case 'grade': {
      if (!json) {
        await write(io.stderr, `panelist: "${first}" only speaks JSON lines for now: add --json`);
        return 1;
      }
      const roles = await loadRoles(contentDir(io.env));
      const out = jsonLineWriter(io.stdout);
      if (first === 'questions') {
        for (const line of questionLines(roles)) await out(line);
        return 0;
      }
      if (first === 'search') {
        await runSearchLines(roles, io.stdin, out);
        return 0;
      }
      const failed = await runGradeLines(roles, io.stdin, out);
      if (failed > 0) await write(io.stderr, `panelist: ${failed} line${failed === 1 ? '' : 's'} could not be graded`);
      return failed > 0 ? 1 : 0;
    }
    default:
      if (first.startsWith('/')) return oneShot(args.join(' '), io);
      await write(io.stderr, `panelist: unknown command "${first}"\n\n${USAGE}`);
      return 1;
  }
}

async function main(): Promise<void> {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  try {
    process.exitCode = await runCli(process.argv.slice(2), { env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
  } catch (error) {
    if (isSetupError(error)) exitOnSetupError(error);
    logger.error('cli failed', { error });
    process.stderr.write(`panelist: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
