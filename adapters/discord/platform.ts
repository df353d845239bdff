/** Discord as a platform of `npm start`: configured by DISCORD_* (see config.ts), served by a discord.js bot (bot.ts). */
import { definePlatform } from '../platform.js';
import { DISCORD_PLATFORM, loadDiscordConfig } from './config.js';

/** Discord: a gateway bot with only the Guilds intent. */
export const discordPlatform = definePlatform({
  name: DISCORD_PLATFORM,
  configured: (env) => loadDiscordConfig(env) !== undefined,
  async start({ assistant, env, logger }) {
    // discord.js takes about 0.4 s to import: only pay for it when Discord is configured.
    const { startDiscord } = await import('./bot.js');
    const running = await startDiscord({ assistant, env, logger });
    if (!running) throw new Error('discord: started without a configuration');
    return running;
  },
});
