/**
 * Embeds for quiz steps: feedback on the last answer, the current question
 * and the final summary.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { AnswerFeedback, View } from '../../src/views.js';
import { longFields } from './embeds.js';
import { BLANK } from './limits.js';
import { COLOURS, bullets, pts, tierColour, tierLabel, topicList, userText } from './style.js';

type ViewOf<K extends View['kind']> = Extract<View, { kind: K }>;

function feedbackTitle(f: AnswerFeedback): string {
  const bonus = f.bonus > 0 ? ` (incl. +${f.bonus} streak bonus)` : '';
  if (f.outcome === 'correct') return `✅ Correct · +${pts(f.points)}${bonus}`;
  if (f.outcome === 'skipped') return '⏭️ Skipped';
  return f.points > 0 ? `🟠 Partly there · +${pts(f.points)}${bonus}` : '❌ Not quite';
}

/** How the previous answer went, with the model answer so every step teaches. */
export function feedbackEmbed(f: AnswerFeedback): APIEmbed {
  const fields: APIEmbedField[] = [];
  if (f.given !== undefined) fields.push({ name: 'Your answer', value: userText(f.given) || '—' });
  if (f.correctChoice !== undefined && f.outcome !== 'correct') fields.push({ name: 'Correct answer', value: f.correctChoice });
  if (f.score !== undefined) fields.push({ name: 'Score', value: `${Math.round(f.score)}/100`, inline: true });
  if (f.covered?.length) fields.push({ name: 'Covered', value: bullets(f.covered), inline: Boolean(f.missed?.length) });
  if (f.missed?.length) fields.push({ name: 'Missed', value: bullets(f.missed), inline: true });
  fields.push(...longFields('Model answer', f.modelAnswer, 2));
  const colour = f.outcome === 'correct' ? COLOURS.correct : f.outcome === 'skipped' ? COLOURS.skipped : COLOURS.wrong;
  return { color: colour, title: feedbackTitle(f), description: `*${f.prompt}*`, fields };
}

/** Feedback (if any) above the current question. */
export function quizQuestionEmbeds(view: ViewOf<'quiz-question'>): APIEmbed[] {
  const p = view.progress;
  const q = view.question;
  // Choices ride on the buttons themselves (they fit a label), so the embed stays short.
  const fields: APIEmbedField[] = [];
  if (view.mode === 'text') fields.push({ name: BLANK, value: '*Press **Answer** to type your answer; it is graded on the key points it covers.*' });
  const streak = p.streak >= 2 ? ` · 🔥 ${p.streak} in a row` : '';
  const question: APIEmbed = {
    color: tierColour(q.tier),
    author: { name: `${view.roleTitle} · ${view.review ? 'review' : 'quiz'}` },
    title: `Question ${p.number} of ${p.total}`,
    description: `**${q.prompt}**`,
    fields,
    footer: { text: `Question ${p.number} of ${p.total} · ${pts(p.points)}${streak} · ${tierLabel(q.tier)} · ${topicList(q.topics)}` },
  };
  return view.feedback ? [feedbackEmbed(view.feedback), question] : [question];
}

/** The end of a quiz: score, best streak and what to revisit. */
export function quizSummaryEmbeds(view: ViewOf<'quiz-summary'>): APIEmbed[] {
  const heading = view.stopped ? '⏹️ Quiz stopped' : view.review ? '🔁 Review finished' : '🏁 Quiz finished';
  const summary: APIEmbed = {
    color: COLOURS.gold,
    author: { name: view.roleTitle },
    title: heading,
    description: `**${view.correct}** correct of **${view.answered}** answered (${view.total} questions) · **${pts(view.points)}** · best streak ${view.bestStreak}`,
    fields: view.missed.map((m) => ({
      name: `${m.outcome === 'skipped' ? '⏭️' : '❌'} ${m.prompt}`,
      value: (m.given ? `Your answer: ${userText(m.given)}\n` : '') + `Model answer: ${m.modelAnswer}`,
    })),
    footer: { text: view.missed.length ? 'Missed questions come back in review mode.' : 'A clean sheet!' },
  };
  return view.feedback ? [feedbackEmbed(view.feedback), summary] : [summary];
}
