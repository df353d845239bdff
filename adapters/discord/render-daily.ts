/**
 * Question-of-the-day views as Discord embeds: the public daily post (the
 * previous answer as its own embed first; today's A–D buttons come from the
 * view's actions), the same post closed in place, and the schedule.
 */
import type { APIEmbed } from 'discord.js';
import { closedLine, lastLines, revealLine, revealTitle, scheduleFacts } from '../format/render-daily.js';
import type { ViewOf } from '../format/view.js';
import { tierLabel } from '../format/words.js';
import { clip, LIMITS } from './limits.js';
import { COLOURS, tierColour, topicList, userText } from './style.js';

/** The daily post: the reveal first (when there is one), then the question. */
export function dailyQuestionEmbeds(v: ViewOf<'daily-question'>): APIEmbed[] {
  const q = v.question;
  const choices = v.choices.map((c) => `**${c.letter}.** ${userText(c.text, 200)}`).join('\n');
  const question: APIEmbed = {
    color: tierColour(q.tier),
    author: { name: clip(`${v.roleTitle} · question of the day`, LIMITS.authorName) },
    title: clip(`☀️ ${v.date}`, LIMITS.embedTitle),
    description: `**${userText(q.prompt, 1500)}**\n\n${choices}\n\n${userText(v.closed ? closedLine(v.closed) : v.rules, 600)}`,
    footer: { text: clip(`${tierLabel(q.tier)} · ${topicList(q.topics)}`, LIMITS.footer) },
  };
  if (!v.reveal) return [question];
  const r = v.reveal;
  const reveal: APIEmbed = {
    color: COLOURS.correct,
    title: clip(revealTitle(r), LIMITS.embedTitle),
    description: `*${userText(r.prompt, 1000)}*\n✅ ${userText(revealLine(r), 600)}\n\n${userText(r.explanation, 1500)}`,
  };
  // Yesterday's answer is read first, as on Slack and the console.
  return [reveal, question];
}

/** The schedule and the latest result. */
export function dailyStatusEmbeds(v: ViewOf<'daily-status'>): APIEmbed[] {
  const fields = (v.schedule ? scheduleFacts(v.schedule) : []).map(([name, value]) => ({ name, value: userText(value, 300), inline: true }));
  const lines = [...(v.last ? lastLines(v.last) : []), ...(v.problem ? [`⚠️ ${v.problem}`] : [])];
  return [
    {
      color: COLOURS.brand,
      author: { name: clip(v.roleTitle, LIMITS.authorName) },
      title: '☀️ Question of the day',
      ...(lines.length > 0 ? { description: lines.map((l) => userText(l, 1200)).join('\n') } : {}),
      fields,
    },
  ];
}
