/** Scorecards of one's own: list, show, share (after a confirmation) and delete. */
import { LIST_DEFAULT, ownScorecard, ownScorecards } from '../interview/access.js';
import { stripMentions } from '../interview/mentions.js';
import { deleteConfirmView, listView, scorecardView, shareConfirmView } from '../interview/views.js';
import type { Reply } from '../views.js';
import { commandName, type HandlerInput, stringValue } from './context.js';
import { failed, LIST_INTERVIEWS, ownerOf, priv, viewContext } from './interview-support.js';

/** `list`: the caller's scorecards, newest first, and interviews not finished. */
export async function interviewList(input: HandlerInput, replace = false): Promise<Reply> {
  const owner = ownerOf(input);
  const role = input.rt.role.id;
  const cards = ownScorecards(
    (await input.deps.store.listScorecards(owner, LIST_DEFAULT * 5)).filter((c) => c.roleId === role),
    input.ctx.user,
  );
  const sessions = (await input.deps.store.listInterviews(owner, LIST_INTERVIEWS)).filter((s) => s.roleId === role);
  const note = cards.length === 0 && sessions.length === 0 ? `No scorecards yet. ${commandName(input, 'interview')} plans an interview.` : undefined;
  return priv(listView(viewContext(input), cards, sessions, note), replace);
}

/** The first word of an `id` option (the rest, for `share`, may name a channel). */
function idWords(input: HandlerInput): { id: string; rest: string } {
  const [id = '', ...rest] = (stringValue(input.values, 'id') ?? '').split(/\s+/);
  return { id: id.toLowerCase(), rest: rest.join(' ') };
}

export function interviewShow(input: HandlerInput): Promise<Reply> {
  return scorecardStep(input, idWords(input).id, 'open', false);
}

export function interviewShare(input: HandlerInput): Promise<Reply> {
  const { id, rest } = idWords(input);
  const channel = stringValue(input.values, 'channel') ?? (rest || undefined);
  return scorecardStep(input, id, 'share', false, channel);
}

export function interviewDelete(input: HandlerInput): Promise<Reply> {
  return scorecardStep(input, idWords(input).id, 'delete', false);
}

// ---- Scorecards ----

/** A channel as the user named it, made a plain label: `<#C1|ops>` reads `#ops`; never a mention. */
function channelLabel(raw: string): string {
  const named = raw.replace(/<#[^|>]*\|([^>]*)>/g, '#$1').replace(/<#\d+>/g, 'the channel named');
  return stripMentions(named)
    .replace(/[|\s]+/g, ' ')
    .trim()
    .slice(0, 40);
}

export async function scorecardStep(
  input: HandlerInput,
  id: string,
  op: 'open' | 'share' | 'share-confirm' | 'delete' | 'delete-confirm',
  replace: boolean,
  channel?: string,
): Promise<Reply> {
  const store = input.deps.store;
  const owner = ownerOf(input);
  const stored = id ? await store.getScorecard(owner, id) : undefined;
  const mine = ownScorecard(stored && stored.roleId === input.rt.role.id ? [stored] : [], id, input.ctx.user);
  if (!mine.ok) return failed(mine.error);
  const card = mine.value;
  const ctx = viewContext(input);
  switch (op) {
    case 'open':
      return priv(scorecardView(ctx, card), replace);
    case 'share': {
      const label = channel ? channelLabel(channel) : '';
      return priv(shareConfirmView(ctx, card, label || undefined), replace);
    }
    case 'share-confirm': {
      // Replies go back to the conversation they were asked in: no adapter posts to another channel.
      // The channel comes from a button id: made a plain label again, as a forged one could hold anything.
      const label = channel ? channelLabel(channel) : '';
      const elsewhere = label ? ` ${label} was asked for, but Panelist posts only where it is asked, so it is shared here.` : '';
      const note = `Shared by ${stripMentions(input.ctx.user.name)}.${elsewhere}`;
      return { visibility: 'public', view: scorecardView(ctx, card, { shared: true, note }) };
    }
    case 'delete':
      return priv(deleteConfirmView(ctx, card), replace);
    case 'delete-confirm': {
      await store.deleteScorecard(owner, card.id);
      return priv(
        {
          kind: 'notice',
          title: 'Scorecard deleted',
          text: `Scorecard ${card.id} is deleted for good.`,
          actions: [{ id: ctx.actionId({ op: 'list' }), label: 'My scorecards' }],
        },
        true,
      );
    }
  }
}
