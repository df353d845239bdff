/**
 * Challenge views as Slack messages: the public question with A–D buttons and
 * its timer, the same message revealed in place, and the final standings.
 * Every name is escaped plain text (these messages are public: no mentions).
 */
import { challengeProgress, choiceCountLine, fastestLine, rightLine, standingFigures, starterLine, timerLine } from '../format/challenge.js';
import type { ViewOf } from '../format/view.js';
import { medal, tierLabel } from '../format/words.js';
import { context, header, type MessageBlock, sections } from './blocks.js';
import { esc, escClip, oneLine } from './blocks-text.js';
import { actionButtons, type Parts, topicList } from './render-parts.js';

const meta = (roleTitle: string, tier: ViewOf<'challenge-question'>['question']['tier'], topics: readonly string[]) =>
  context([esc(oneLine(roleTitle)), `*${tierLabel(tier)}*`, topicList(topics)]);

/** The question everyone in the channel answers. */
export function renderChallengeQuestion(v: ViewOf<'challenge-question'>): Parts {
  const body: MessageBlock[] = [header(`🏁 Challenge · ${challengeProgress(v)}`)];
  const m = meta(v.roleTitle, v.question.tier, v.question.topics);
  if (m) body.push(m);
  body.push(...sections(`*${escClip(oneLine(v.question.prompt), 2900)}*`));
  body.push(...sections(v.choices.map((c) => `*${esc(c.letter)}.*  ${escClip(oneLine(c.text), 400)}`).join('\n')));
  const info = context([esc(timerLine(v)), esc(v.points), escClip(starterLine(v), 400)]);
  if (info) body.push(info);
  return { body, footer: actionButtons(v.actions, new Set()), fallback: `Challenge ${challengeProgress(v)}: ${oneLine(v.question.prompt)}` };
}

/** The question revealed in place: the answer, the counts, who was right, the fastest, why. */
export function renderChallengeReveal(v: ViewOf<'challenge-reveal'>): Parts {
  const body: MessageBlock[] = [header(`🏁 Challenge · ${challengeProgress(v)} · closed`)];
  const m = meta(v.roleTitle, v.question.tier, v.question.topics);
  if (m) body.push(m);
  body.push(...sections(`*${escClip(oneLine(v.question.prompt), 2900)}*`));
  body.push(...sections(`*Answer:* ${escClip(oneLine(v.answer), 400)}\n_${escClip(oneLine(v.explanation), 600)}_`));
  body.push(...sections(v.choices.map((c) => escClip(choiceCountLine(c), 500)).join('\n')));
  const fastest = fastestLine(v);
  body.push(...sections([escClip(rightLine(v), 2500), ...(fastest ? [escClip(fastest, 200)] : [])].join('\n')));
  const info = context([esc(v.points)]);
  if (info) body.push(info);
  return { body, footer: actionButtons(v.actions, new Set()), fallback: `Challenge ${challengeProgress(v)}: the answer was ${oneLine(v.answer)}` };
}

/** The final standings, with Rematch and Leaderboard. */
export function renderChallengeStandings(v: ViewOf<'challenge-standings'>): Parts {
  const body: MessageBlock[] = [header(`🏆 ${v.title}`)];
  const m = context([esc(oneLine(v.roleTitle)), esc(oneLine(v.summary))]);
  if (m) body.push(m);
  const rows = v.rows.map((r) => `${medal(r.rank) ?? `*${r.rank}.*`}  ${escClip(oneLine(r.name), 80)} — ${esc(standingFigures(r))}`);
  if (rows.length > 0) body.push(...sections(rows.join('\n')));
  return { body, footer: actionButtons(v.actions, new Set()), fallback: oneLine(v.title) };
}
