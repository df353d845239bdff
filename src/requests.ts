/** What an adapter hands the core: one command or one button/form action. */

/**
 * A platform's id (`slack`, `discord`, `console`, `teams`...): an open set, so a
 * new platform needs no change to the core. It becomes part of store spaces
 * (`<role>@<platform>:<space>`), so it must match {@link PLATFORM_ID}; adapters
 * check that where a platform is declared, and `handle` refuses any other.
 */
export type Platform = string;

/** What a platform id may look like: lowercase letters, digits and dashes, starting with a letter; at most 20. */
export const PLATFORM_ID = /^[a-z][a-z0-9-]{0,19}$/;

/** Whether `id` may name a platform. */
export function isPlatformId(id: string): boolean {
  return PLATFORM_ID.test(id);
}

/** The user behind a request, as the platform identifies them. */
export interface Actor {
  platform: Platform;
  id: string;
  /** Display name, shown as plain text. */
  name: string;
  /**
   * The platform says this user manages the channel or workspace (Discord:
   * Manage Channels or Manage Server), so they may stop anyone's challenge.
   * Absent where the platform does not say (Slack slash payloads carry no admin flag).
   */
  canManage?: boolean;
}

/** Where a request came from. */
export interface RequestContext {
  user: Actor;
  /** Slack team id, Discord guild id (or `dm`), `console`. */
  space: string;
  /** Channel or DM id: quizzes are per user per conversation. */
  conversation: string;
  /**
   * Where a private follow-up to this user can still go after the reply, when
   * the platform gives one: a credential, so it is kept only as long as needed
   * and never logged.
   */
  privateReply?: PrivateReplyHandle;
}

/**
 * A short-lived, opaque handle for one private follow-up to the user who made
 * a request (Slack: the slash command's response_url; Discord: the
 * interaction's application id and token), used through
 * `Outbox.tellPrivately` (src/outbox.ts) of the same platform.
 * Its key is `token` so the logger masks it wherever it might be logged.
 */
export interface PrivateReplyHandle {
  token: string;
  /** How long the platform honours it from the request, ms (Slack 30 min, Discord 15 min). */
  validMs: number;
}

/** Typed option values, as Discord delivers them or the text parser produces them. */
export type OptionValues = Record<string, string | number | boolean>;

export type Request =
  | {
      type: 'command';
      /** Full command name without slash, e.g. `devops-quiz`. */
      command: string;
      /** Raw argument text (Slack, console): parsed by the command table. */
      text?: string;
      /** Already-typed options (Discord): validated by the command table. */
      subcommand?: string;
      options?: OptionValues;
      ctx: RequestContext;
    }
  | {
      type: 'action';
      /** A button id from a view, or a form's `actionId`. */
      actionId: string;
      /** Text typed into a form. */
      text?: string;
      ctx: RequestContext;
    };
