/**
 * Interview views as Block Kit: the plan, the question card with checkbox
 * groups to tick while listening, the scorecard and the list. Every text is
 * escaped; fit() in render.ts keeps the message within Slack's budget.
 */
import { rubricLines } from '../format/grading.js';
import { candidateLabel, coverageText, levelsLine, outcomeLine, pastedLines, pastedTitle, pointsHeard, suggestedLabel } from '../format/interview.js';
import type { ViewOf } from '../format/view.js';
import { tierLabel } from '../format/words.js';
import { context, divider, header, LIMITS, type MessageBlock, sections } from './blocks.js';
import { clip, esc, escClip, oneLine } from './blocks-text.js';
import { checklistBlocks } from './checklist.js';
import { actionButtons, bulletList, type Parts, quote, topicList } from './render-parts.js';

const named = (candidate: string | undefined) => (candidate ? `*${escClip(oneLine(candidate), 100)}*` : '');

/** The plan: numbered questions with tier, topics and minutes, what had to give, and Start / Swap / Add. */
export function renderInterviewPlan(v: ViewOf<'interview-plan'>): Parts {
  const body: MessageBlock[] = [header(`Interview plan · ${v.level}`)];
  const meta = context([esc(oneLine(v.roleTitle)), named(v.candidate), esc(oneLine(v.summary))]);
  if (meta) body.push(meta);
  const each = Math.max(200, Math.floor(8000 / Math.max(1, v.items.length)));
  const lines = v.items.map((i) => {
    const tag = `${tierLabel(i.tier)}${i.behavioural ? ' · behavioural' : ''} · ${topicList(i.topics)} · ${i.minutes} min`;
    return clip(`*${i.number}.* ${esc(oneLine(i.prompt))}\n      _${tag}_`, each);
  });
  body.push(...sections(lines.join('\n')));
  if (v.notes.length > 0) body.push(...sections(`*Plan notes*\n${bulletList(v.notes, 400)}`));
  return { body, footer: actionButtons(v.actions, new Set()), fallback: `Interview plan: ${v.items.length} questions` };
}

/** The card: the question, the key points to tick, follow-ups, red flags to tick, rubric and notes; the answer once asked. */
export function renderInterviewCard(v: ViewOf<'interview-card'>): Parts {
  const q = v.question;
  const used = new Set<string>();
  const body: MessageBlock[] = [header(`Interview · Question ${v.number} of ${v.of}`)];
  const meta = context([esc(oneLine(v.roleTitle)), named(v.candidate), `*${tierLabel(q.tier)}*`, topicList(q.topics)]);
  const timer = context([`:stopwatch: ${escClip(oneLine(v.timer), 300)}`]);
  for (const block of [meta, timer]) if (block) body.push(block);
  // The question is clipped (real ones are far shorter) so the boxes to tick always fit below it.
  body.push(...sections(`*${escClip(oneLine(q.prompt), 2000)}*`), divider(), ...checklistBlocks(v.keyPoints, used));
  if (q.followUps.length) body.push(...sections(`*Follow-ups*\n${bulletList(q.followUps, 300)}`));
  if (v.redFlags) body.push(...checklistBlocks(v.redFlags, used));
  body.push(...sections(`*Rubric*\n${bulletList(rubricLines(q.rubric), 320)}`));
  if (q.notes.length) body.push(...sections(`*Interviewer notes*\n${bulletList(q.notes, 400)}`));
  if (v.pasted)
    body.push(
      ...sections(
        `*${esc(pastedTitle(v.pasted))}*\n${clip(
          pastedLines(v.pasted)
            .map((l) => escClip(oneLine(l), 300))
            .join('\n'),
          2800,
        )}`,
      ),
    );
  if (v.interviewerNote !== undefined) body.push(...sections(`*Your note*\n${quote(v.interviewerNote, 1200)}`));
  if (v.answerShown) body.push(divider(), ...sections(`*Model answer*\n${quote(q.answer, 2900)}`));
  // Buttons after the checkbox groups' ids; a form button carries the question for its modal.
  return { body, footer: actionButtons(v.actions, used, q.prompt), fallback: `Interview question ${v.number} of ${v.of}: ${oneLine(q.prompt)}` };
}

/** The scorecard: suggested level and evidence, each question's outcome, coverage by topic, what to probe next. */
export function renderInterviewScorecard(v: ViewOf<'interview-scorecard'>): Parts {
  const body: MessageBlock[] = [header(`Scorecard · ${candidateLabel(v.candidate)}`)];
  const meta = context([esc(oneLine(v.roleTitle)), `Interviewer: ${escClip(oneLine(v.interviewer), 80)}`, esc(oneLine(v.when)), `id \`${escClip(v.id, 40)}\``]);
  if (meta) body.push(meta);
  body.push(
    ...sections(`*${esc(levelsLine(v.level, v.suggested))}* · ${esc(pointsHeard(v.overall.ticked, v.overall.total))}\n${escClip(v.evidence.trim(), 1500)}`),
  );
  // Each question is capped so a long interview still shows every one.
  const each = Math.max(300, Math.floor(6000 / Math.max(1, v.questions.length)));
  for (const q of v.questions) {
    const lines = [`*${q.number}. ${escClip(oneLine(q.prompt), 300)}*`, `_${esc(outcomeLine(q))}_ · ${tierLabel(q.tier)}`, escClip(oneLine(q.evidence), 400)];
    if (q.rubric) lines.push(`Rubric: ${escClip(oneLine(q.rubric), 320)}`);
    if (q.pastedScore !== undefined) lines.push(`Pasted answer auto-graded ${Math.round(q.pastedScore)}/100`);
    lines.push(...q.heard.map((h) => `:white_check_mark: ${escClip(oneLine(h), 200)}`), ...q.missed.map((m) => `:x: ${escClip(oneLine(m), 200)}`));
    lines.push(...q.redFlags.map((f) => `:warning: Red flag heard: ${escClip(oneLine(f), 200)}`));
    if (q.interviewerNote !== undefined) lines.push(quote(q.interviewerNote, 600));
    body.push(...sections(clip(lines.join('\n'), Math.min(each, LIMITS.sectionText))));
  }
  if (v.coverage.length) body.push(divider(), ...sections(`*Coverage by topic*\n${bulletList(v.coverage.map(coverageText), 200)}`));
  body.push(...sections(`*Probe next round*\n${bulletList(v.probe.length ? v.probe : ['Nothing stood out: every topic was covered.'], 300)}`));
  if (v.notes.length) body.push(...sections(`*Plan notes*\n${bulletList(v.notes, 400)}`));
  return { body, footer: actionButtons(v.actions, new Set()), fallback: `Scorecard: ${candidateLabel(v.candidate)}, suggested ${suggestedLabel(v.suggested)}` };
}

/** The caller's scorecards and interviews not finished, each with its button. */
export function renderInterviewList(v: ViewOf<'interview-list'>): Parts {
  const body: MessageBlock[] = [header('Your scorecards')];
  const meta = context([esc(oneLine(v.roleTitle))]);
  if (meta) body.push(meta);
  if (v.rows.length === 0) body.push(...sections('No scorecards yet: an interview leaves one when it finishes.'));
  const rows = v.rows.map(
    (r, i) =>
      `*${i + 1}.* ${escClip(oneLine(candidateLabel(r.candidate)), 100)} · planned ${r.level} · suggested: ${suggestedLabel(r.suggested)}\n      _${esc(oneLine(r.when))} · ${pointsHeard(r.points.ticked, r.points.total)} · id \`${escClip(r.id, 40)}\`_`,
  );
  if (rows.length) body.push(...sections(rows.join('\n')));
  if (v.inProgress.length) {
    const open = v.inProgress.map(
      (r, i) =>
        `*${i + 1}.* ${escClip(oneLine(candidateLabel(r.candidate)), 100)} · ${r.level} · ${esc(r.progress)} · _${esc(oneLine(r.when))}_ · id \`${escClip(r.id, 40)}\``,
    );
    body.push(...sections(`*Not finished*\n${open.join('\n')}`));
  }
  return { body, footer: actionButtons(v.actions, new Set()), fallback: `Your scorecards: ${v.rows.length}` };
}
