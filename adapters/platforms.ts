/**
 * Every platform `npm start` can run, listed once. main.ts starts each one the
 * environment configures, or the fallback (the console) when none is. A new
 * platform (Teams, Mattermost, a web page) is one entry here; see the README's
 * "Adding a platform".
 */
import { consolePlatform } from './console/platform.js';
import { discordPlatform } from './discord/platform.js';
import type { Platform } from './platform.js';
import { slackPlatform } from './slack/platform.js';

/** In start order. */
export const PLATFORMS: readonly Platform[] = [slackPlatform, discordPlatform, consolePlatform];
