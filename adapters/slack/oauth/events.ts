/**
 * Forgetting a workspace: `app_uninstalled`, and `tokens_revoked` for the bot
 * token, delete its installation, so its sealed token leaves the database and
 * any later request from it finds no installation (Bolt acknowledges it and
 * calls no listener). Bolt skips authorisation for both events, as the
 * installation may already be unusable.
 */
import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { Logger } from '../../logger.js';
import type { InstallTarget, PanelistInstallationStore } from './installation-store.js';

/** The envelope fields that say whose installation an event is about. */
const envelope = z.object({
  team_id: z.string().min(1).optional(),
  enterprise_id: z.string().min(1).nullish(),
  is_enterprise_install: z.boolean().optional(),
  event: z.object({
    type: z.string(),
    // tokens_revoked: the user ids whose user tokens, and the bot user ids whose bot tokens, were revoked.
    tokens: z.object({ oauth: z.array(z.string()).optional(), bot: z.array(z.string()).optional() }).optional(),
  }),
});

function targetOf(body: z.infer<typeof envelope>): InstallTarget {
  return { teamId: body.team_id, enterpriseId: body.enterprise_id ?? undefined, isEnterpriseInstall: body.is_enterprise_install === true };
}

/** Registers the two listeners that delete an installation. */
export function registerInstallEvents(app: App, store: PanelistInstallationStore, logger: Logger): void {
  const forget = async (raw: unknown, why: string): Promise<void> => {
    const parsed = envelope.safeParse(raw);
    if (!parsed.success) {
      logger.warn('slack: malformed install event', { why });
      return;
    }
    const target = targetOf(parsed.data);
    const ids = { team: target.teamId ?? '', enterprise: target.enterpriseId ?? '', why };
    if (why === 'tokens_revoked' && (parsed.data.event.tokens?.bot ?? []).length === 0) {
      // Only user tokens went, and Panelist asks for none: the bot keeps working.
      logger.info('slack: user tokens revoked, bot token kept', ids);
      return;
    }
    try {
      const removed = await store.remove(target);
      logger.info(removed ? 'slack: installation removed' : 'slack: no installation to remove', ids);
    } catch (error) {
      // Slack does not resend on our failure after the ack; the log is where an operator sees it.
      logger.error('slack: could not remove an installation', { ...ids, error });
    }
  };
  app.event('app_uninstalled', async ({ body }) => forget(body, 'app_uninstalled'));
  app.event('tokens_revoked', async ({ body }) => forget(body, 'tokens_revoked'));
}
