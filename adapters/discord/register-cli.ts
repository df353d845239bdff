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
import { commandInfos } from '../../src/commands/info.js';
import { loadRoles } from '../../src/content/load.js';
import { contentDir, exitOnStartupFault } from '../boot.js';
import { commandsJSON } from './commands.js';
import { DiscordConfigError, loadDiscordConfig } from './config.js';
import { registerCommands } from './register.js';
import { discordStartupError } from './startup.js';

async function main(): Promise<void> {
  const config = loadDiscordConfig(process.env);
  if (!config) throw new DiscordConfigError('discord:register needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (and DISCORD_GUILD_ID to register to one guild)');
  const roles = await loadRoles(contentDir(process.env));
  // At most one retry and 10 s a request (not 3 retries of 15 s): someone is watching this command.
  const rest = new REST({ ...(config.apiUrl ? { api: config.apiUrl } : {}), retries: 1, timeout: 10_000 }).setToken(config.token);
  const commands = commandsJSON(commandInfos(roles), { global: config.guildId === undefined });
  const result = await registerCommands({ rest, applicationId: config.applicationId, ...(config.guildId ? { guildId: config.guildId } : {}), commands }).catch(
    (error: unknown) => {
      throw discordStartupError(error, 'register', config);
    },
  );
  process.stdout.write(`discord:register: ${result.message}\n`);
}

// Every fault is one `panelist:` line and exit 1: a refusal or an unreachable API names what to check.
main().catch((error: unknown) => exitOnStartupFault(error));
