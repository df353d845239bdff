/**
 * Quiz views: feedback on the answer just given, the question, and the final
 * summary listing what was missed. The dispatcher puts the feedback (and any
 * note) above whichever view carries it.
 */
import type { AnswerFeedback } from '../../src/views.js';
import { gradeLines } from '../format/grading.js';
import type { ViewOf } from '../format/view.js';
import { percent, pts, tierLabel } from '../format/words.js';
import { buttons, context, divider, fields, header, LIMITS, type MessageBlock, sections } from './blocks.js';
import { clip, esc, escClip, oneLine } from './blocks-text.js';
import { actionButtons, bulletList, type Parts, quote, topicList } from './render-parts.js';

/** Feedback on the answer just given: verdict, what was given, each key point's verdict, the model answer. */
export function feedbackBlocks(f: AnswerFeedback): MessageBlock[] {
  const lines: string[] = [];
  const bonus = f.bonus > 0 ? ` (incl. +${f.bonus} streak bonus)` : '';
  if (f.outcome === 'correct') lines.push(`:white_check_mark: *Correct!*  +${pts(f.points)}${bonus}`);
  else if (f.outcome === 'wrong') lines.push(`:x: *Not quite.*${f.points > 0 ? `  +${pts(f.points)}${bonus}` : ''}`);
  else lines.push(':fast_forward: *Skipped.*');
  lines.push(`_${escClip(oneLine(f.prompt), 300)}_`);
  if (f.given !== undefined && f.outcome !== 'skipped') lines.push(`*Your answer:* ${escClip(oneLine(f.given), 500)}`);
  if (f.score !== undefined) lines.push(`*Score:* ${Math.round(f.score)}/100`);
  if (f.correctChoice !== undefined && f.outcome !== 'correct') lines.push(`*Correct answer:* ${escClip(f.correctChoice, 200)}`);
  const out: MessageBlock[] = [...sections(lines.join('\n'))];
  const verdict = gradeLines(f).map((l) => escClip(oneLine(l), 300));
  if (verdict.length > 0) out.push(...sections(`*Key points*\n${clip(verdict.join('\n'), 2900)}`));
  // Shown after a right answer too, as on Discord and the console: every step teaches.
  out.push(...sections(`*Model answer*\n${quote(f.modelAnswer, 1500)}`));
  if (f.notes?.length) out.push(...sections(`*Interviewer notes*\n${bulletList(f.notes, 400)}`));
  return out;
}

/** A quiz step: the question, its choices and buttons. */
export function renderQuizQuestion(v: ViewOf<'quiz-question'>): Parts {
  const body: MessageBlock[] = [];
  const p = v.progress;
  body.push(header(`${v.review ? 'Review' : 'Quiz'} · Question ${p.number} of ${p.total}`));
  const meta = context([
    esc(oneLine(v.roleTitle)),
    `*${tierLabel(v.question.tier)}*`,
    topicList(v.question.topics),
    `${pts(p.points)}${p.streak > 1 ? ` · :fire: ${p.streak} in a row` : ''}`,
  ]);
  if (meta) body.push(meta);
  body.push(...sections(`*${esc(oneLine(v.question.prompt))}*`));

  const used = new Set<string>();
  const footer: MessageBlock[] = [];
  if (v.mode === 'choice' && v.choices.length > 0) {
    const labels = v.choices.map((c) => `${c.letter}. ${oneLine(c.text)}`);
    // Slack shows only ~30 characters of a button, so the choices are listed in full too.
    body.push(...sections(v.choices.map((c) => `*${esc(c.letter)}.*  ${escClip(oneLine(c.text), 400)}`).join('\n')));
    footer.push(
      ...buttons(
        v.choices.map((c, i) => ({ actionId: c.actionId, label: labels[i] ?? c.letter, value: c.actionId })),
        used,
      ),
    );
  }
  footer.push(...actionButtons(v.actions, used, v.question.prompt));
  return {
    body,
    footer,
    fallback: `Question ${p.number} of ${p.total}: ${oneLine(v.question.prompt)}`,
  };
}

/** The end of a quiz: the score and every question missed. */
export function renderQuizSummary(v: ViewOf<'quiz-summary'>): Parts {
  const body: MessageBlock[] = [];
  const title = v.stopped ? 'Quiz stopped' : v.review ? 'Review complete' : 'Quiz complete';
  body.push(header(`${title} · ${v.correct}/${v.total} correct`));
  const meta = context([esc(oneLine(v.roleTitle)), v.review ? 'Review mode' : '']);
  if (meta) body.push(meta);
  const accuracy = v.answered > 0 ? percent((100 * v.correct) / v.answered) : '—';
  body.push(
    ...fields([`*Correct*\n${v.correct} of ${v.answered} answered`, `*Points*\n${v.points}`, `*Accuracy*\n${accuracy}`, `*Best streak*\n${v.bestStreak}`]),
  );
  if (v.missed.length > 0) {
    body.push(divider(), ...sections(`*What you missed (${v.missed.length})*`));
    // Each miss is capped so a long quiz still shows every missed question.
    const each = Math.max(200, Math.floor(7000 / v.missed.length));
    for (const [i, m] of v.missed.entries()) {
      const given = m.outcome === 'skipped' ? '_Skipped_' : m.given !== undefined ? `*Your answer:* ${escClip(oneLine(m.given), 300)}` : '_Not right_';
      const text = [`*${i + 1}. ${escClip(oneLine(m.prompt), 300)}*  _(${tierLabel(m.tier)})_`, given, quote(m.modelAnswer, Math.max(120, each - 300))].join(
        '\n',
      );
      body.push(...sections(clip(text, LIMITS.sectionText)));
    }
  } else if (v.answered > 0) {
    body.push(...sections(':tada: Nothing missed — clean sweep!'));
  }
  return {
    body,
    footer: actionButtons(v.actions, new Set()),
    fallback: `${title}: ${v.correct}/${v.total} correct, ${pts(v.points)}`,
  };
}
