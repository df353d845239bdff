/**
 * A link to a posted message, for "a challenge is already running here": the
 * platforms' public permalink shapes, from the ids the outbox returned. None
 * for a platform whose links need more than the ids (the console has none).
 */
import type { MessageRef } from '../outbox.js';

/** The message's permalink, when the platform's shape is known. */
export function messageLink(ref: MessageRef): string | undefined {
  if (ref.platform === 'discord') {
    const guild = ref.workspace.startsWith('dm:') ? '@me' : ref.workspace;
    return `https://discord.com/channels/${guild}/${ref.channel}/${ref.message}`;
  }
  // Slack redirects this workspace-less form to the signed-in workspace's message.
  if (ref.platform === 'slack' && /^\d+\.\d+$/.test(ref.message)) return `https://slack.com/archives/${ref.channel}/p${ref.message.replace('.', '')}`;
  return undefined;
}
