/**
 * Registers the slash commands for the role files in CONTENT_DIR, only when
 * they differ from what Discord has.
 *
 *   npm run discord:register
 *
 * Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID; DISCORD_GUILD_ID registers to
 * one guild (instant) instead of globally; DISCORD_API_URL points at another API.
 */
import { REST } from 'discord.js';
import { contentDir, exitOnSetupError } from '../boot.js';
import { commandInfos } from '../../src/commands/info.js';
import { loadRoles } from '../../src/content/load.js';
import { commandsJSON } from './commands.js';
import { DiscordConfigError, loadDiscordConfig } from './config.js';
import { registerCommands } from './register.js';

async function main(): Promise<void> {
  const config = loadDiscordConfig(process.env);
  if (!config) throw new DiscordConfigError('discord:register needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (and DISCORD_GUILD_ID to register to one guild)');
  const roles = await loadRoles(contentDir(process.env));
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const commands = commandsJSON(commandInfos(roles), { global: config.guildId === undefined });
  const result = await registerCommands({ rest, applicationId: config.applicationId, ...(config.guildId ? { guildId: config.guildId } : {}), commands });
  process.stdout.write(`discord:register: ${result.message}\n`);
}

main().catch((error: unknown) => {
  // REST errors carry the request path, never the token; keep the output to one line.
  if (error instanceof Error && error.name !== 'ConfigError' && 'status' in error) {
    process.stderr.write(`discord:register: Discord refused the request: ${error.message}\n`);
    process.exit(1);
  }
  exitOnSetupError(error);
});
