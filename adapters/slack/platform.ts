/** Slack as a platform of `npm start`: configured by SLACK_* (see config.ts), served by a Bolt app (app.ts). */
import { definePlatform } from '../platform.js';
import { parseSlackConfig, SLACK_PLATFORM } from './config.js';

/** Slack: HTTP (with `/healthz` and `/readyz`) or Socket Mode, by which tokens are set. */
export const slackPlatform = definePlatform({
  name: SLACK_PLATFORM,
  configured: (env) => parseSlackConfig(env) !== undefined,
  async start({ assistant, env, logger, readiness, records }) {
    // Bolt takes about 0.3 s to import: only pay for it when Slack is configured.
    const { startSlack } = await import('./app.js');
    const running = await startSlack({ assistant, env, logger, readiness, ...(records ? { records } : {}) });
    if (!running) throw new Error('slack: started without a configuration');
    return running;
  },
});
