/**
 * The core's entry point: content, store, clock and randomness in; a handler
 * from neutral requests to neutral replies out.
 */
import { actionPrefix, routeAction } from './actions.js';
import { parseText, parseTyped } from './commands/parse.js';
import type { CommandInfo } from './commands/spec.js';
import { COMMAND_TABLE, type CommandDef } from './commands/table.js';
import { commandInfo, usageLine } from './commands/usage.js';
import { type DueOutcome, runDueRunners } from './due.js';
import { errorReply, type Handler, type HandlerInput, storeSpace } from './handlers/context.js';
import { createKeyedLock } from './keyed-lock.js';
import type { Outbox } from './outbox.js';
import { type AssistantDeps, type Store, StoreWriteError } from './ports.js';
import { isPlatformId, type Request, type RequestContext } from './requests.js';
import { createRoleRuntime, type RoleRuntime } from './role-runtime.js';
import type { Reply } from './views.js';

export type { AssistantDeps } from './ports.js';

/** The platform-neutral bot. */
export interface Assistant {
  /** Every command of every role, full names (`devops-quiz`), for manifests, registration and help. */
  readonly commands: readonly CommandInfo[];
  /**
   * Serves one request. User mistakes come back as `error` views; so does a
   * change the store could not write (`not-saved`): a reply that records
   * something resolves only once that is durable. Other faults throw.
   */
  handle(request: Request): Promise<Reply>;
  /**
   * Does what has fallen due on `platform` (src/due.ts: challenge reveals and
   * posts, the question of the day), posting through its `outbox`. Safe to
   * call on several replicas at once; faults come back in the outcome, to log.
   * Optional only so that test doubles of the assistant need not have it.
   */
  runDue?(platform: string, outbox: Outbox): Promise<DueOutcome>;
}

interface Route {
  rt: RoleRuntime;
  def: CommandDef;
  info: CommandInfo;
  roleCommands: CommandInfo[];
}

export function createAssistant(deps: AssistantDeps): Assistant {
  const routes = new Map<string, Route>();
  const runtimes = new Map<string, RoleRuntime>();
  const commands: CommandInfo[] = [];
  for (const role of deps.roles) {
    const rt = createRoleRuntime(role);
    runtimes.set(role.commandPrefix, rt);
    const roleCommands = COMMAND_TABLE.map((def) => commandInfo(role.commandPrefix, def));
    COMMAND_TABLE.forEach((def, i) => {
      const info = roleCommands[i] as CommandInfo;
      routes.set(info.name, { rt, def, info, roleCommands });
    });
    commands.push(...roleCommands);
  }
  const lock = createKeyedLock();

  // `store` is the request's view of the store from `durably`, which tracks what the handler changes.
  const input = (rt: RoleRuntime, ctx: RequestContext, values: HandlerInput['values'], roleCommands: CommandInfo[], store: Store): HandlerInput => ({
    rt,
    deps: { ...deps, store },
    ctx,
    values,
    space: storeSpace(rt.role.id, ctx),
    commands: roleCommands,
    lock,
  });

  async function command(request: Extract<Request, { type: 'command' }>, store: Store): Promise<Reply> {
    const name = request.command.replace(/^\//, '').toLowerCase();
    const route = routes.get(name);
    if (!route) {
      return errorReply('unknown-command', `Unknown command /${name.slice(0, 40)}. Commands: ${commands.map((c) => `/${c.name}`).join(', ')}.`);
    }
    const parsed =
      request.options !== undefined || request.subcommand !== undefined
        ? parseTyped(route.info, request.subcommand, request.options ?? {})
        : parseText(route.info, request.text ?? '');
    if (!parsed.ok) return errorReply('bad-arguments', problemsText(parsed.problems), usageLine(route.info, parsed.subcommand));
    const handler: Handler | undefined = parsed.args.subcommand
      ? route.def.subcommands?.find((s) => s.name === parsed.args.subcommand)?.handler
      : route.def.handler;
    if (!handler) throw new Error(`command table: /${name} ${parsed.args.subcommand ?? ''} has no handler`);
    return handler(input(route.rt, request.ctx, parsed.args.values, route.roleCommands, store));
  }

  async function action(request: Extract<Request, { type: 'action' }>, store: Store): Promise<Reply> {
    const prefix = actionPrefix(request.actionId);
    const rt = prefix ? runtimes.get(prefix) : undefined;
    // The family that owns the id's area serves it: the router knows no area by name.
    const routed = routeAction(request.actionId);
    if (!rt || !routed) return errorReply('stale-action', 'That button is no longer valid. Run the command again.');
    const roleCommands = commands.filter((c) => c.name.startsWith(`${rt.role.commandPrefix}-`));
    return routed.area.handle(input(rt, request.ctx, {}, roleCommands, store), routed.ref, request.text);
  }

  const byRoleId = new Map([...runtimes.values()].map((rt) => [rt.role.id, rt]));

  return {
    commands,
    runDue: (platform, outbox) => runDueRunners({ deps, roles: byRoleId, platform, outbox, now: deps.clock.now() }),
    async handle(request) {
      // An adapter bug, not a user's mistake: the id becomes part of store keys.
      const platform = request.ctx.user.platform;
      if (!isPlatformId(platform)) throw new TypeError(`request from an invalid platform id "${platform.slice(0, 40)}"`);
      try {
        // The reply is built inside `durably`, so "Correct! +200" never goes out before the answer is on disk.
        return await deps.store.durably((store) => (request.type === 'command' ? command(request, store) : action(request, store)));
      } catch (error) {
        // The store has undone the change and logged the fault once; the user only needs to know to retry.
        if (error instanceof StoreWriteError) return errorReply('not-saved', NOT_SAVED);
        throw error;
      }
    },
  };
}

/** The `not-saved` message: the text alone must say it, as some renderers show only the message. */
export const NOT_SAVED = 'Not saved: the bot could not write its data just now, so your answer (or change) was not recorded. Please try again in a moment.';

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One problem as a sentence; several as a counted list, so none hides behind the first. */
export function problemsText(problems: readonly string[]): string {
  if (problems.length === 1) return `${capitalise(problems[0] ?? '')}.`;
  return `${problems.length} problems:\n${problems.map((p) => `• ${capitalise(p)}`).join('\n')}`;
}
