/**
 * Embeds for interview mode: the plan, the question card (its boxes listed
 * with their ticks; the multi-selects in components.ts change them), the
 * scorecard and the list. fitEmbeds in render.ts trims what is too long.
 * Candidate labels and notes are user text, escaped with userText.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Checklist } from '../../src/views.js';
import { rubricLines } from '../format/grading.js';
import {
  boxMark,
  candidateLabel,
  coverageText,
  itemText,
  levelsLine,
  outcomeLine,
  pastedLines,
  pastedTitle,
  pointsHeard,
  suggestedLabel,
} from '../format/interview.js';
import type { ViewOf } from '../format/view.js';
import { tierLabel } from '../format/words.js';
import { longFields } from './embeds.js';
import { bullets, COLOURS, tierColour, topicList, userText } from './style.js';

const named = (candidate: string | undefined) => (candidate ? ` · ${userText(candidate, 100)}` : '');

/** A checklist as lines, each box with its tick: what the select menu below changes. */
function boxLines(list: Checklist): string {
  return list.items.map((item, i) => `${boxMark(item.checked)} ${i + 1}. ${itemText(item)}`).join('\n');
}

/** The plan, one field per question. */
export function interviewPlanEmbeds(v: ViewOf<'interview-plan'>): APIEmbed[] {
  const fields: APIEmbedField[] = v.items.map((i) => ({
    name: `${i.number}. ${tierLabel(i.tier)}${i.behavioural ? ' · behavioural' : ''} · ${i.minutes} min`,
    value: `${i.prompt}\n*${topicList(i.topics)}*`,
  }));
  if (v.notes.length) fields.push(...longFields('Plan notes', bullets(v.notes), 2));
  return [
    {
      color: COLOURS.brand,
      author: { name: `${v.roleTitle} · interview plan` },
      title: `Plan · ${v.level}${named(v.candidate)}`,
      description: v.summary,
      fields,
    },
  ];
}

/** The card: the question first, then the boxes to tick, follow-ups, red flags, rubric and notes; the answer only when asked. */
export function interviewCardEmbeds(v: ViewOf<'interview-card'>): APIEmbed[] {
  const q = v.question;
  const fields: APIEmbedField[] = [...longFields(v.keyPoints.label, boxLines(v.keyPoints), 2)];
  if (q.followUps.length) fields.push(...longFields('Follow-up probes', bullets(q.followUps), 2));
  if (v.redFlags) fields.push(...longFields(`🚩 ${v.redFlags.label}`, boxLines(v.redFlags), 2));
  fields.push(...longFields('Rubric', rubricLines(q.rubric).join('\n'), 2));
  if (q.notes.length) fields.push(...longFields('Interviewer notes', bullets(q.notes), 2));
  // Verdict lines quote the candidate's words: escaped as user text.
  if (v.pasted)
    fields.push(
      ...longFields(
        pastedTitle(v.pasted),
        pastedLines(v.pasted)
          .map((l) => userText(l, 300))
          .join('\n'),
        2,
      ),
    );
  if (v.interviewerNote !== undefined) fields.push({ name: 'Your note', value: userText(v.interviewerNote) });
  const card: APIEmbed = {
    color: tierColour(q.tier),
    author: { name: `${v.roleTitle} · interview${named(v.candidate)}` },
    title: `Question ${v.number} of ${v.of} · ${tierLabel(q.tier)}`,
    description: `**${q.prompt}**`,
    fields,
    footer: { text: `⏱ ${v.timer}\n${topicList(q.topics)} · ${q.id}` },
  };
  if (!v.answerShown) return [card];
  return [card, { color: tierColour(q.tier), title: 'Model answer', description: q.answer }];
}

/** The scorecard: the summary first, one field per question, then coverage and what to probe. */
export function interviewScorecardEmbeds(v: ViewOf<'interview-scorecard'>): APIEmbed[] {
  const questions: APIEmbedField[] = v.questions.map((q) => {
    const lines = [outcomeLine(q), q.evidence];
    if (q.rubric) lines.push(`Rubric: ${q.rubric}`);
    if (q.pastedScore !== undefined) lines.push(`Pasted answer auto-graded ${Math.round(q.pastedScore)}/100`);
    lines.push(...q.heard.map((h) => `✅ ${h}`), ...q.missed.map((m) => `❌ ${m}`), ...q.redFlags.map((f) => `🚩 Red flag heard: ${f}`));
    if (q.interviewerNote !== undefined) lines.push(`📝 ${userText(q.interviewerNote, 400)}`);
    return { name: `${q.number}. ${q.prompt}`, value: lines.join('\n') };
  });
  const summary: APIEmbed = {
    color: COLOURS.brand,
    author: { name: `${v.roleTitle} · scorecard · interviewer ${userText(v.interviewer, 80)}` },
    title: `📋 ${userText(candidateLabel(v.candidate), 200)}`,
    description: `**${levelsLine(v.level, v.suggested)}** · ${pointsHeard(v.overall.ticked, v.overall.total)}\n${v.evidence}`,
    fields: questions.slice(0, 22),
    footer: { text: `${v.when} · id ${v.id}` },
  };
  const rest: APIEmbedField[] = [
    ...questions.slice(22),
    ...longFields('Coverage by topic', bullets(v.coverage.map(coverageText)), 2),
    ...longFields('Probe next round', bullets(v.probe.length ? v.probe : ['Nothing stood out: every topic was covered.']), 2),
  ];
  if (v.notes.length) rest.push(...longFields('Plan notes', bullets(v.notes), 2));
  return [summary, { color: COLOURS.brand, fields: rest }];
}

/** The caller's scorecards and interviews not finished. */
export function interviewListEmbeds(v: ViewOf<'interview-list'>): APIEmbed[] {
  const fields: APIEmbedField[] = v.rows.map((r, i) => ({
    name: `${i + 1}. ${userText(candidateLabel(r.candidate), 200)}`,
    value: `Planned ${r.level} · suggested: ${suggestedLabel(r.suggested)}\n${r.when} · ${pointsHeard(r.points.ticked, r.points.total)} · id \`${r.id}\``,
  }));
  if (v.inProgress.length) {
    const open = v.inProgress.map(
      (r, i) => `${i + 1}. ${userText(candidateLabel(r.candidate), 100)} · ${r.level} · ${r.progress} · ${r.when} · id \`${r.id}\``,
    );
    fields.push({ name: 'Not finished', value: open.join('\n') });
  }
  const description = v.rows.length === 0 ? 'No scorecards yet: an interview leaves one when it finishes.' : undefined;
  return [{ color: COLOURS.brand, author: { name: v.roleTitle }, title: '📋 Your scorecards', description, fields }];
}
