/**
 * Question-of-the-day views as Slack messages: the public daily post (the
 * previous answer first, then today's question with A–D buttons), the same
 * post closed in place, and the schedule. Every text is escaped (public: no mentions).
 */
import { closedLine, lastLines, revealLine, revealTitle, scheduleFacts } from '../format/render-daily.js';
import type { ViewOf } from '../format/view.js';
import { tierLabel } from '../format/words.js';
import { context, divider, fields, header, type MessageBlock, sections } from './blocks.js';
import { esc, escClip, oneLine } from './blocks-text.js';
import { actionButtons, type Parts, quote, topicList } from './render-parts.js';

/** The daily post. */
export function renderDailyQuestion(v: ViewOf<'daily-question'>): Parts {
  const body: MessageBlock[] = [];
  if (v.reveal) {
    const r = v.reveal;
    body.push(...sections(`*${escClip(revealTitle(r), 200)}*\n_${escClip(oneLine(r.prompt), 600)}_\n:white_check_mark: ${escClip(revealLine(r), 600)}`));
    body.push(...sections(quote(r.explanation, 1200)), divider());
  }
  const q = v.question;
  body.push(header(`☀️ Question of the day · ${oneLine(v.date)}`));
  const meta = context([esc(oneLine(v.roleTitle)), `*${tierLabel(q.tier)}*`, topicList(q.topics)]);
  if (meta) body.push(meta);
  body.push(...sections(`*${escClip(oneLine(q.prompt), 2900)}*`));
  body.push(...sections(v.choices.map((c) => `*${esc(c.letter)}.*  ${escClip(oneLine(c.text), 400)}`).join('\n')));
  const info = context([escClip(v.closed ? closedLine(v.closed) : v.rules, 1000)]);
  if (info) body.push(info);
  return { body, footer: actionButtons(v.actions, new Set()), fallback: `Question of the day: ${oneLine(q.prompt)}` };
}

/** The schedule and the latest result. */
export function renderDailyStatus(v: ViewOf<'daily-status'>): Parts {
  const body: MessageBlock[] = [header('☀️ Question of the day')];
  const meta = context([esc(oneLine(v.roleTitle))]);
  if (meta) body.push(meta);
  if (v.schedule) body.push(...fields(scheduleFacts(v.schedule).map(([name, value]) => `*${esc(name)}*\n${escClip(oneLine(value), 300)}`)));
  if (v.last)
    body.push(
      ...sections(
        lastLines(v.last)
          .map((l) => escClip(oneLine(l), 1200))
          .join('\n'),
      ),
    );
  if (v.problem) body.push(...sections(`:warning: ${escClip(oneLine(v.problem), 600)}`));
  return { body, footer: actionButtons(v.actions, new Set()), fallback: 'Question of the day' };
}
