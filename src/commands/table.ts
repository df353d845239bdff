/**
 * The command table: every family's command, in the families' order. Names get
 * the role's prefix (`quiz` → `/devops-quiz`). The Slack manifest, Discord
 * registration, help text and text parser all read this; it is derived, so a
 * command is declared only in its family (`families/`).
 */
import { FAMILIES } from './families/index.js';
import type { CommandDef } from './family.js';

export type { CommandDef, SubcommandDef } from './family.js';

/** The commands every role gets; `help` is last. */
export const COMMAND_TABLE: readonly CommandDef[] = FAMILIES.map((family) => family.command);

// Two families answering to one name would shadow each other silently.
const names = COMMAND_TABLE.map((c) => c.name);
const twice = names.find((name, i) => names.indexOf(name) !== i);
if (twice) throw new Error(`command families: two declare /${twice}`);
