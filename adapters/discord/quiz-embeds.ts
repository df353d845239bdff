/**
 * Embeds for quiz steps: feedback on the last answer, the current question
 * and the final summary. render.ts puts the feedback above whichever view
 * carries it.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { AnswerFeedback } from '../../src/views.js';
import { gradeLines } from '../format/grading.js';
import type { ViewOf } from '../format/view.js';
import { plural, pts, tierLabel } from '../format/words.js';
import { longFields } from './embeds.js';
import { BLANK } from './limits.js';
import { bullets, COLOURS, tierColour, topicList, userText } from './style.js';

function feedbackTitle(f: AnswerFeedback): string {
  const bonus = f.bonus > 0 ? ` (incl. +${f.bonus} streak bonus)` : '';
  if (f.outcome === 'correct') return `✅ Correct · +${pts(f.points)}${bonus}`;
  if (f.outcome === 'skipped') return '⏭️ Skipped';
  return f.points > 0 ? `🟠 Partly there · +${pts(f.points)}${bonus}` : '❌ Not quite';
}

/** How the previous answer went: each key point's verdict, then the model answer, so every step teaches. */
export function feedbackEmbed(f: AnswerFeedback): APIEmbed {
  const fields: APIEmbedField[] = [];
  if (f.given !== undefined && f.given.trim() !== '') fields.push({ name: 'Your answer', value: userText(f.given) });
  if (f.correctChoice !== undefined && f.outcome !== 'correct') fields.push({ name: 'Correct answer', value: f.correctChoice });
  if (f.score !== undefined) fields.push({ name: 'Score', value: `${Math.round(f.score)}/100`, inline: true });
  // Verdict lines quote the answer's words, so each is escaped as user text.
  const verdict = gradeLines(f).map((line) => userText(line, 300));
  if (verdict.length) fields.push(...longFields('Key points', verdict.join('\n'), 2));
  fields.push(...longFields('Model answer', f.modelAnswer, 2));
  if (f.notes?.length) fields.push(...longFields('Interviewer notes', bullets(f.notes), 2));
  const colour = f.outcome === 'correct' ? COLOURS.correct : f.outcome === 'skipped' ? COLOURS.skipped : COLOURS.wrong;
  return { color: colour, title: feedbackTitle(f), description: `*${f.prompt}*`, fields };
}

/** The current question; its choices ride on the buttons. */
export function quizQuestionEmbeds(view: ViewOf<'quiz-question'>): APIEmbed[] {
  const p = view.progress;
  const q = view.question;
  // Choices fit a button label, so the embed stays short.
  const fields: APIEmbedField[] = [];
  if (view.mode === 'text') fields.push({ name: BLANK, value: '*Press **Answer** to type your answer; it is graded on the key points it covers.*' });
  const streak = p.streak >= 2 ? ` · 🔥 ${p.streak} in a row` : '';
  return [
    {
      color: tierColour(q.tier),
      author: { name: `${view.roleTitle} · ${view.review ? 'review' : 'quiz'}` },
      title: `Question ${p.number} of ${p.total}`,
      description: `**${q.prompt}**`,
      fields,
      footer: { text: `Question ${p.number} of ${p.total} · ${pts(p.points)}${streak} · ${tierLabel(q.tier)} · ${topicList(q.topics)}` },
    },
  ];
}

/** The end of a quiz: score, best streak and what to revisit. */
export function quizSummaryEmbeds(view: ViewOf<'quiz-summary'>): APIEmbed[] {
  const heading = view.stopped ? '⏹️ Quiz stopped' : view.review ? '🔁 Review finished' : '🏁 Quiz finished';
  return [
    {
      color: COLOURS.gold,
      author: { name: view.roleTitle },
      title: heading,
      description: `**${view.correct}** correct of **${view.answered}** answered (${plural(view.total, 'question')}) · **${pts(view.points)}** · best streak ${view.bestStreak}`,
      fields: view.missed.map((m) => ({
        name: `${m.outcome === 'skipped' ? '⏭️' : '❌'} ${m.prompt}`,
        value: (m.given ? `Your answer: ${userText(m.given)}\n` : '') + `Model answer: ${m.modelAnswer}`,
      })),
      footer: { text: view.missed.length ? 'Missed questions come back in review mode.' : 'A clean sheet!' },
    },
  ];
}
