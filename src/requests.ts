/** What an adapter hands the core: one command or one button/form action. */

export type Platform = 'slack' | 'discord' | 'console';

/** The user behind a request, as the platform identifies them. */
export interface Actor {
  platform: Platform;
  id: string;
  /** Display name, shown as plain text. */
  name: string;
}

/** Where a request came from. */
export interface RequestContext {
  user: Actor;
  /** Slack team id, Discord guild id (or `dm`), `console`. */
  space: string;
  /** Channel or DM id: quizzes are per user per conversation. */
  conversation: string;
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
