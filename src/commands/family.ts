/**
 * A command family: one slash command with its options, examples and handlers,
 * and the button areas it owns. The command table, the button router and help
 * are all derived from the list of families (`families/index.ts`), so a new
 * family is one new module in that list and nothing else.
 */
import type { Handler, HandlerInput } from '../handlers/context.js';
import type { Reply } from '../views.js';
import type { AreaRef, ButtonCodec } from './buttons.js';
import type { OptionSpec, SubcommandSpec } from './spec.js';

/** A subcommand and what serves it. */
export interface SubcommandDef extends SubcommandSpec {
  handler: Handler;
}

/** One command, prefix-free (`quiz` → `/devops-quiz`). Either `handler` with `options`, or `subcommands`. */
export interface CommandDef {
  name: string;
  description: string;
  options?: readonly OptionSpec[];
  handler?: Handler;
  subcommands?: readonly SubcommandDef[];
  defaultSubcommand?: string;
  /** Argument text after the command name, e.g. `technical kubernetes`. */
  examples: readonly string[];
}

/** Serves one button press (or a form's submit, with the typed `text`). */
export type ActionHandler<R extends AreaRef> = (input: HandlerInput, ref: R, text: string | undefined) => Promise<Reply>;

/** A button area as a family owns it: how its ids are written, and what serves them. */
export interface ActionArea<R extends AreaRef = AreaRef> {
  readonly codec: ButtonCodec<R>;
  handle(input: HandlerInput, ref: R, text: string | undefined): Promise<Reply>;
}

/** Binds an area's codec to its handler. */
export function serveButtons<R extends AreaRef>(codec: ButtonCodec<R>, handle: ActionHandler<R>): ActionArea<R> {
  return { codec, handle };
}

/** The refs of `R` whose op is `K` (a member may allow several ops: `'text' | 'skip'`). */
export type WithOp<R extends { op: string }, K extends string> = R extends unknown ? (K extends R['op'] ? R & { op: K } : never) : never;

/** A handler for each op of an area; the compiler checks that none is left out. */
export type OpHandlers<R extends AreaRef & { op: string }> = { [K in R['op']]: ActionHandler<WithOp<R, K>> };

/** One handler for an area, dispatching on `ref.op` to the op's own. */
export function byOp<R extends AreaRef & { op: string }>(handlers: OpHandlers<R>): ActionHandler<R> {
  return (input, ref, text) => {
    // Sound: `handlers[ref.op]` is the handler of exactly this ref's op.
    const handle = handlers[ref.op as R['op']] as ActionHandler<R>;
    return handle(input, ref, text);
  };
}

/** A command family. `A` keeps the areas' ref types, so the union of every button ref is derived too. */
export interface Family<A extends readonly ActionArea[] = readonly ActionArea[]> {
  /** The slash command: name, description, options or subcommands, examples, handlers. */
  readonly command: CommandDef;
  /** The button areas whose ids this family mints and serves (none for some). */
  readonly areas: A;
}

/** Declares a family, keeping its areas' exact types. */
export function defineFamily<const A extends readonly ActionArea[]>(family: { command: CommandDef; areas: A }): Family<A> {
  return family;
}
