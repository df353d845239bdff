/** Every role's public command descriptions, generated from the command table. */
import type { Role } from '../content/schema.js';
import type { CommandInfo } from './spec.js';
import { COMMAND_TABLE } from './table.js';
import { commandInfo } from './usage.js';

export { commandInfo, fullName, usageLine, usageOf } from './usage.js';

/** Every command of every role. */
export function commandInfos(roles: readonly Pick<Role, 'commandPrefix'>[]): CommandInfo[] {
  return roles.flatMap((role) => COMMAND_TABLE.map((def) => commandInfo(role.commandPrefix, def)));
}
