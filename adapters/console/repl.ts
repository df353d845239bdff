/**
 * The interactive console: one user at a terminal talking to the assistant.
 * Slash lines are commands; letters, words and free text act on the last reply,
 * the way buttons and forms would on a chat platform.
 */
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { actionPrefix } from '../../src/actions.js';
import type { Assistant } from '../../src/assistant.js';
import type { Role } from '../../src/content/schema.js';
import type { Actor, Request, RequestContext } from '../../src/requests.js';
import type { Action, Checklist, Reply, View } from '../../src/views.js';
import { checklistsOf } from '../format/interview.js';
import { APOLOGY } from '../format/words.js';
import { createLogger, type Logger } from '../logger.js';
import { type Channel, serve as serveRequest } from '../serve.js';
import { isTickLine, parseTickLine } from './checklists.js';
import type { ConsoleOutbox } from './outbox.js';
import { actionHints, matchActionWord, normaliseWords, renderReply, renderText } from './render.js';

type QuizQuestionView = Extract<View, { kind: 'quiz-question' }>;

/** What `runRepl` needs. */
export interface ReplOptions {
  assistant: Assistant;
  roles: readonly Role[];
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** ANSI colour; by default on when `output` is a TTY and `NO_COLOR` is unset. */
  color?: boolean;
  /** Who is typing; by default the OS user name. */
  user?: Actor;
  /** Where faults are logged (stderr JSON lines by default). */
  logger?: Logger;
  /** Wrap width; the terminal's width (capped at 100) by default. */
  width?: number;
  /** What the bot posts by itself (a challenge): printed here, its buttons typed like a reply's (A–D). */
  outbox?: ConsoleOutbox;
}

/** The console's platform id in requests and store spaces (`devops-engineer@console:console`). */
export const CONSOLE_PLATFORM = 'console';

/** The console user: the OS user name, or `console` when it cannot be read. */
export function consoleActor(): Actor {
  let name = 'console';
  try {
    name = userInfo().username || 'console';
  } catch {
    // No passwd entry (some containers): stay anonymous.
  }
  return { platform: CONSOLE_PLATFORM, id: name, name };
}

/** The request context of the console: one space, one conversation, so a quiz survives restarts. */
export function consoleContext(user: Actor = consoleActor()): RequestContext {
  return { user, space: 'console', conversation: 'terminal' };
}

/** Parses `/devops-quiz start advanced` into a command request; undefined when not a slash line. */
export function parseCommandLine(line: string, ctx: RequestContext): Request | undefined {
  const match = /^\/(\S+)\s*([\s\S]*)$/.exec(line.trim());
  if (!match?.[1]) return undefined;
  return { type: 'command', command: match[1].toLowerCase(), text: (match[2] ?? '').trim(), ctx };
}

function isTty(stream: NodeJS.WritableStream): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}

/** Colour default for a stream: a TTY, and the user did not opt out with `NO_COLOR`. */
export function wantsColor(stream: NodeJS.WritableStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return isTty(stream) && (env.NO_COLOR === undefined || env.NO_COLOR === '');
}

const QUIT = new Set(['quit', 'exit', '/quit', '/exit']);
const HELP = new Set(['help', '?', '/help']);

/**
 * What the REPL remembers between lines: the buttons of the last reply, the
 * quiz question on screen, and a form waiting for its text.
 */
interface ReplState {
  actions: Action[];
  quiz?: QuizQuestionView;
  pendingPrompt?: Action;
  /** The checklists of the last reply, numbered for `tick 1 3` / `untick 2`. */
  checklists: Checklist[];
  /** Command prefix of the role last acted on (`devops`), for button words typed after the moment. */
  prefix: string;
}

/** Quiz buttons whose action is also a subcommand: typed any time, they work whenever the quiz would take them. */
const QUIZ_WORDS = new Set(['stop', 'skip', 'stats', 'leaderboard', 'review']);
/** Button words that act on something on screen; typed when it is not there, the reply says what is possible now. */
const SCREEN_WORDS = new Set(['another', 'harder', 'easier', 'show', 'show answer', 'flag', 'answer', 'share', 'new', 'new quiz']);

/** Decides what a non-command line means in the current state; a string is a message to print instead. */
function interpret(line: string, state: ReplState, ctx: RequestContext): Request | string {
  const text = line.trim();
  const quiz = state.quiz;
  // A single letter answers a multiple-choice question (a, b, A) or "B." all count).
  const letter = /^([a-z])[).]?$/i.exec(text)?.[1]?.toUpperCase();
  if (quiz && quiz.choices.length > 0 && letter !== undefined) {
    const choice = quiz.choices.find((c) => c.letter.toUpperCase() === letter);
    if (choice) return { type: 'action', actionId: choice.actionId, ctx };
    return `Choose one of ${quiz.choices.map((c) => c.letter).join(', ')}.`;
  }
  const action = matchActionWord(text, state.actions) ?? (quiz ? matchActionWord(text, quiz.actions) : undefined);
  if (action) {
    if (action.prompt) {
      // A form: in a free-text quiz the next line is the answer; ask for it.
      state.pendingPrompt = action;
      return `${action.prompt.label}${action.prompt.placeholder ? ` (${action.prompt.placeholder})` : ''} — type it on the next line, or an empty line to cancel:`;
    }
    return { type: 'action', actionId: action.id, ctx };
  }
  const word = normaliseWords(text);
  if (QUIZ_WORDS.has(word)) return { type: 'command', command: `${state.prefix}-quiz`, text: word, ctx };
  const answer = quiz?.mode === 'text' ? quiz.actions.find((a) => a.prompt) : undefined;
  // Free text answers a written question; it shares the forms' limit rather than being cut silently.
  if (answer?.prompt) return { type: 'action', actionId: answer.prompt.actionId, text, ctx };
  if (SCREEN_WORDS.has(word)) {
    const now = actionHints(state.actions).map((h) => h.label);
    return `"${word}" is not possible right now${now.length > 0 ? `: you can type ${now.map((l) => `[${l}]`).join(' ')}` : ''}. Commands start with "/" (try /help).`;
  }
  if (quiz && quiz.choices.length > 0) return `Answer with a letter (${quiz.choices.map((c) => c.letter).join(', ')}), or type help.`;
  return 'Commands start with "/" (try /help); type help for more.';
}

/**
 * Updates the state from a reply: errors keep what is on screen so the user can
 * retry, and so does a button's buttonless private aside (such as "question
 * flagged"), which on Slack and Discord also leaves the message it came from alone.
 */
function remember(state: ReplState, reply: Reply, fromButton: boolean): void {
  const view = reply.view;
  if (fromButton && view.kind === 'notice' && view.actions.length === 0 && reply.replace !== true) return;
  if (view.kind === 'error') {
    // The quiz on screen is gone (stopped elsewhere, or a newer one started).
    if (view.code === 'no-quiz' || view.code === 'stale-action') state.quiz = undefined;
    return;
  }
  if (view.kind === 'help') return;
  state.actions = view.actions;
  state.checklists = checklistsOf(view);
  const prefix = view.actions.map((a) => actionPrefix(a.id)).find((p) => p !== undefined);
  if (prefix) state.prefix = prefix;
  if (view.kind === 'quiz-question') state.quiz = view;
  else if (view.kind === 'quiz-summary') state.quiz = undefined;
}

function bannerText(assistant: Assistant, roles: readonly Role[]): string {
  const lines = [
    `Panelist — interview practice in your terminal (${roles.map((r) => r.title).join(', ')}).`,
    '',
    'Commands:',
    ...assistant.commands.map((c) => `  /${c.name} ${c.usage}`.trimEnd() + ` — ${c.description}`),
    '',
    'After a reply: type A–D to answer a multiple-choice question, just type your answer to a',
    'free-text one, or type a word in [brackets] (another, harder, show, skip, stop...).',
    'help shows this again; quit, exit or Ctrl-D leaves.',
  ];
  return lines.join('\n');
}

/**
 * Runs the interactive session until `input` ends or the user quits. Requests
 * are served one at a time, in order; a fault (the assistant throws) prints a
 * short apology and the session goes on.
 */
export async function runRepl(options: ReplOptions): Promise<void> {
  const { assistant, roles, input, output } = options;
  const color = options.color ?? wantsColor(output);
  const columns = (output as { columns?: number }).columns;
  const width = options.width ?? Math.min(100, columns && columns > 40 ? columns - 1 : 100);
  const render = { color, width };
  const logger = options.logger ?? createLogger({ level: 'error' });
  const ctx = consoleContext(options.user ?? consoleActor());
  const state: ReplState = { actions: [], checklists: [], prefix: roles[0]?.commandPrefix ?? 'devops' };
  const interactive = isTty(output);
  const print = (text: string) => {
    output.write(text.endsWith('\n') ? text : `${text}\n`);
  };
  const rl = createInterface({ input, output, terminal: interactive && (input as { isTTY?: boolean }).isTTY === true, prompt: '> ' });
  // Ctrl-C leaves like Ctrl-D instead of pausing the stream and hanging.
  rl.on('SIGINT', () => rl.close());

  print(renderText(bannerText(assistant, roles), render));
  const prompt = () => {
    if (state.pendingPrompt?.prompt) rl.setPrompt(`${state.pendingPrompt.prompt.title}> `);
    else if (state.quiz) rl.setPrompt(state.quiz.choices.length > 0 ? 'answer> ' : 'your answer> ');
    else rl.setPrompt('> ');
    rl.prompt();
  };
  prompt();
  options.outbox?.attach({
    show(view, updated) {
      remember(state, { visibility: 'public', view }, false);
      print('');
      if (updated) print(renderText('(updated)', render));
      print(renderReply({ visibility: 'public', view }, render));
      print('');
      prompt();
    },
    remark(text) {
      print(renderText(text, render));
      prompt();
    },
  });

  // The terminal is a channel of the shared serve loop like any chat: no deadline, and the reply printed in full.
  const terminal = (fromButton: boolean): Channel<string> => {
    const show = async (text: string, reply: Reply) => {
      remember(state, reply, fromButton);
      print('');
      print(text);
      print('');
    };
    return { render: (reply) => renderReply(reply, render), answer: show, answerLate: show, apologise: async () => print(APOLOGY) };
  };
  const serveDeps = { platform: CONSOLE_PLATFORM, logger, assistant };
  const serve = (request: Request) => serveRequest(serveDeps, request, terminal(request.type === 'action'));

  for await (const raw of rl) {
    const line = raw.trim();
    const pending = state.pendingPrompt;
    if (pending?.prompt) {
      state.pendingPrompt = undefined;
      if (line === '') print('Cancelled.');
      else await serve({ type: 'action', actionId: pending.prompt.actionId, text: line.slice(0, pending.prompt.maxLength), ctx });
    } else if (line === '') {
      // Nothing typed: just prompt again.
    } else if (QUIT.has(line.toLowerCase())) {
      break;
    } else if (HELP.has(line.toLowerCase()) && !assistant.commands.some((c) => c.name === 'help')) {
      print(renderText(bannerText(assistant, roles), render));
      const hints = actionHints(state.actions);
      if (hints.length > 0) print(`Right now you can type: ${hints.map((h) => h.word).join(', ')}.`);
    } else if (isTickLine(line)) {
      // `tick 1 3` / `untick 2`: each checklist changed sends its whole selection, as a platform's boxes do.
      const ticked = parseTickLine(line, state.checklists);
      if (!ticked?.ok) print(renderText(ticked?.message ?? 'There is nothing to tick here.', render));
      else for (const change of ticked.changes) await serve({ type: 'action', actionId: change.id, text: change.text, ctx });
    } else {
      const request = line.startsWith('/') ? parseCommandLine(line, ctx) : interpret(line, state, ctx);
      if (request === undefined) print('Type a command after the "/", e.g. /help.');
      else if (typeof request === 'string') print(renderText(request, render));
      else await serve(request);
    }
    prompt();
  }
  rl.close();
  if (interactive) print('Bye.');
}
