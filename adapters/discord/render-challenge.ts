/**
 * Challenge views as Discord embeds: the public question (its A–D buttons come
 * from the view's actions), the same message revealed in place, and the final
 * standings. Names are escaped plain text; the outbox sends with no mentions.
 */
import type { APIEmbed } from 'discord.js';
import { challengeProgress, choiceCountLine, fastestLine, rightLine, standingFigures, starterLine, timerLine } from '../format/challenge.js';
import type { ViewOf } from '../format/view.js';
import { medal, tierLabel } from '../format/words.js';
import { longFields } from './embeds.js';
import { clip, LIMITS } from './limits.js';
import { COLOURS, tierColour, topicList, userText } from './style.js';

/** The question everyone in the channel answers. */
export function challengeQuestionEmbeds(v: ViewOf<'challenge-question'>): APIEmbed[] {
  const q = v.question;
  const choices = v.choices.map((c) => `**${c.letter}.** ${userText(c.text, 200)}`).join('\n');
  return [
    {
      color: tierColour(q.tier),
      author: { name: clip(`${v.roleTitle} · channel challenge`, LIMITS.authorName) },
      title: `🏁 ${challengeProgress(v)}`,
      description: `**${userText(q.prompt, 1000)}**\n\n${choices}\n\n${timerLine(v)}`,
      footer: { text: clip(`${v.points}\n${starterLine(v)} · ${tierLabel(q.tier)} · ${topicList(q.topics)}`, LIMITS.footer) },
    },
  ];
}

/** The question revealed in place. */
export function challengeRevealEmbeds(v: ViewOf<'challenge-reveal'>): APIEmbed[] {
  const q = v.question;
  const fastest = fastestLine(v);
  const counts = v.choices.map((c) => userText(choiceCountLine(c), 200)).join('\n');
  return [
    {
      color: COLOURS.correct,
      author: { name: clip(`${v.roleTitle} · channel challenge`, LIMITS.authorName) },
      title: `🏁 ${challengeProgress(v)} · closed`,
      description: `**${userText(q.prompt, 1000)}**\n\n**Answer:** ${userText(v.answer, 300)}\n*${userText(v.explanation, 600)}*\n\n${counts}`,
      fields: [...longFields('Who was right', userText(rightLine(v), 3000), 3), ...(fastest ? [{ name: 'Fastest', value: userText(fastest, 300) }] : [])],
      footer: { text: clip(`${v.points} · ${tierLabel(q.tier)} · ${topicList(q.topics)}`, LIMITS.footer) },
    },
  ];
}

/** The final standings, with Rematch and Leaderboard. */
export function challengeStandingsEmbeds(v: ViewOf<'challenge-standings'>): APIEmbed[] {
  const rows = v.rows.map((r) => `${medal(r.rank) ?? `**${r.rank}.**`} ${userText(r.name, 80)} — ${standingFigures(r)}`);
  return [
    {
      color: COLOURS.gold,
      author: { name: clip(v.roleTitle, LIMITS.authorName) },
      title: clip(`🏆 ${v.title}`, LIMITS.embedTitle),
      description: [v.summary, ...rows].join('\n'),
    },
  ];
}
