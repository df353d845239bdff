/**
 * Discord as a platform of `npm start`: configured by DISCORD_* (see config.ts), served by a discord.js
 * bot on the gateway (bot.ts), or over HTTP interactions when DISCORD_PUBLIC_KEY is set (../discord-http/).
 * Both modes are the one platform `discord`: the same store spaces, the same scores.
 */
import { refusePortClash } from '../discord-http/config.js';
import { definePlatform } from '../platform.js';
import { DISCORD_PLATFORM, loadDiscordConfig } from './config.js';

/** Discord: a gateway bot with only the Guilds intent, or an HTTP interactions endpoint. */
export const discordPlatform = definePlatform({
  name: DISCORD_PLATFORM,
  configured: (env) => {
    const config = loadDiscordConfig(env);
    // Checked here, before the database opens: Slack's HTTP mode may already claim the port.
    if (config?.http) refusePortClash(env, config.http);
    return config !== undefined;
  },
  async start({ assistant, env, logger, readiness }) {
    const config = loadDiscordConfig(env);
    if (config?.http) {
      // No gateway, no discord.js client: a node:http server Discord POSTs interactions to.
      const { startDiscordHttp } = await import('../discord-http/server.js');
      return startDiscordHttp({ assistant, config: { ...config, http: config.http }, logger, readiness });
    }
    // discord.js takes about 0.4 s to import: only pay for it when Discord is configured.
    const { startDiscord } = await import('./bot.js');
    const running = await startDiscord({ assistant, env, logger });
    if (!running) throw new Error('discord: started without a configuration');
    return running;
  },
});
