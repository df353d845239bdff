/** What every handler receives, and small helpers for building replies. */
import type { CommandInfo } from '../commands/spec.js';
import type { KeyedLock } from '../keyed-lock.js';
import type { AssistantDeps, UserRecord } from '../ports.js';
import type { OptionValues, RequestContext } from '../requests.js';
import type { RoleRuntime } from '../role-runtime.js';
import { currentRecord } from '../stats/record.js';
import type { ErrorCode, Reply } from '../views.js';

/** The input of a command or action handler. */
export interface HandlerInput {
  rt: RoleRuntime;
  deps: AssistantDeps;
  ctx: RequestContext;
  values: OptionValues;
  /** Store space: scores are kept per role per platform space. */
  space: string;
  /** Every command of this role (for help and usage lines). */
  commands: readonly CommandInfo[];
  /** Per-key serialisation of quiz steps. */
  lock: KeyedLock;
}

export type Handler = (input: HandlerInput) => Promise<Reply>;

/** The store space of a request: per role, per platform, per team/guild. */
export function storeSpace(roleId: string, ctx: RequestContext): string {
  return `${roleId}@${ctx.user.platform}:${ctx.space}`;
}

/** A private error reply. */
export function errorReply(code: ErrorCode, message: string, usage?: string): Reply {
  return { visibility: 'private', view: { kind: 'error', code, message, ...(usage ? { usage } : {}) } };
}

export function stringValue(values: OptionValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

export function numberValue(values: OptionValues, name: string): number | undefined {
  const v = values[name];
  return typeof v === 'number' ? v : undefined;
}

/** Reads and updates the caller's record in one atomic store step. */
export function updateMe(input: HandlerInput, change: (record: UserRecord) => UserRecord): Promise<UserRecord> {
  const { ctx, deps } = input;
  const now = deps.clock.now();
  return deps.store.updateUser(input.space, ctx.user.id, (current) => change(currentRecord(current, ctx.user.id, ctx.user.name, now)));
}

/** The full slash-command name of one of this role's commands. */
export function commandName(input: HandlerInput, suffix: string): string {
  return `/${input.rt.role.commandPrefix}-${suffix}`;
}
