/**
 * Non-quiz views: role sections, interviewer cards, search, leaderboard,
 * stats, help, notices and errors.
 */
import { RESULT_KIND_LABELS, type View } from '../../src/views.js';
import { context, divider, esc, escClip, fields, header, oneLine, sections, type MessageBlock } from './blocks.js';
import { actionButtons, bulletList, percent, plural, quote, tierLabel, topicList } from './render-parts.js';
import type { Parts } from './render-quiz.js';

type ViewOf<K extends View['kind']> = Extract<View, { kind: K }>;

export function renderRole(v: ViewOf<'role'>): Parts {
  const body: MessageBlock[] = [header(v.title)];
  const meta = context([`*${esc(oneLine(v.roleTitle))}*`, v.tags?.length ? v.tags.slice(0, 12).map((t) => `\`${esc(t)}\``).join('  ') : '']);
  if (meta) body.push(meta);
  if (v.lead) body.push(...sections(`_${esc(oneLine(v.lead))}_`));
  for (const s of v.sections) {
    const parts = [`*${escClip(oneLine(s.title), 200)}*`];
    if (s.text) parts.push(esc(s.text.trim()));
    if (s.bullets?.length) parts.push(bulletList(s.bullets, 1500));
    body.push(divider(), ...sections(parts.join('\n')));
  }
  return { body, footer: actionButtons(v.actions, new Set()), fallback: `${v.roleTitle}: ${v.title}` };
}

export function renderCard(v: ViewOf<'card'>): Parts {
  const q = v.question;
  const body: MessageBlock[] = [header('Interview question')];
  const meta = context([esc(oneLine(v.roleTitle)), `*${tierLabel(q.tier)}*`, topicList(q.topics)]);
  if (meta) body.push(meta);
  body.push(...sections(`*${esc(oneLine(q.prompt))}*`), divider());
  body.push(...sections(`*What a strong answer covers*\n${bulletList(q.keyPoints, 300)}`));
  if (q.followUps.length) body.push(...sections(`*Follow-ups*\n${bulletList(q.followUps, 300)}`));
  if (q.redFlags.length) {
    const flags = q.redFlags.map((f) => `:warning: *${escClip(oneLine(f.title), 100)}* — ${escClip(oneLine(f.text), 400)}`).join('\n');
    body.push(...sections(`*Red flags*\n${flags}`));
  }
  if (v.answerShown) body.push(divider(), ...sections(`*Model answer*\n${quote(q.answer, 6000)}`));
  return { body, footer: actionButtons(v.actions, new Set()), fallback: `Interview question: ${oneLine(q.prompt)}` };
}


/** Results shown; the rest are counted, keeping the message compact. */
const MAX_RESULTS = 10;

export function renderSearch(v: ViewOf<'search'>): Parts {
  // User text stays out of plain_text headers: only escaped mrkdwn carries it.
  const body: MessageBlock[] = [header('Search results')];
  const meta = context([
    `*${escClip(oneLine(v.query), 200)}*`,
    esc(oneLine(v.roleTitle)),
    v.results.length === 0 ? 'No results' : plural(v.results.length, 'result'),
  ]);
  if (meta) body.push(meta);
  if (v.results.length === 0) {
    body.push(...sections(`Nothing matched *${escClip(oneLine(v.query), 200)}*. Try fewer or different words.`));
  }
  for (const r of v.results.slice(0, MAX_RESULTS)) {
    const label = [RESULT_KIND_LABELS[r.kind], r.tier ? tierLabel(r.tier) : ''].filter(Boolean).join(' · ');
    body.push(...sections(`*${escClip(oneLine(r.title), 300)}*  _${label}_\n${escClip(oneLine(r.snippet), 500)}`));
  }
  if (v.results.length > MAX_RESULTS) {
    const more = context([`…and ${v.results.length - MAX_RESULTS} more. Narrow the search to see them.`]);
    if (more) body.push(more);
  }
  return { body, footer: actionButtons(v.actions, new Set()), fallback: `Search "${oneLine(v.query)}": ${plural(v.results.length, 'result')}` };
}

const MEDALS = [':first_place_medal:', ':second_place_medal:', ':third_place_medal:'];
const MAX_ROWS = 25;

// Slack user ids, the only ids ever turned into a mention.
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,20}$/;

/**
 * In a private (ephemeral) board a `<@id>` mention shows each player's current
 * Slack name and notifies nobody; a board shared to the channel would ping
 * every player, so there names stay escaped plain text.
 */
export function renderLeaderboard(v: ViewOf<'leaderboard'>, mentions = false): Parts {
  const body: MessageBlock[] = [header(`Leaderboard · ${v.periodLabel}`)];
  const meta = context([esc(oneLine(v.roleTitle))]);
  if (meta) body.push(meta);
  if (v.rows.length === 0) body.push(...sections('No answers yet — start a quiz to get on the board.'));
  const lines = v.rows.slice(0, MAX_ROWS).map((r) => {
    const rank = MEDALS[r.rank - 1] ?? `*${r.rank}.*`;
    const who = mentions && SLACK_USER_ID.test(r.userId) ? `<@${r.userId}>` : escClip(oneLine(r.name), 80);
    return `${rank}  ${who} — *${r.points} pts* · ${plural(r.answered, 'answer')} · ${percent(r.accuracy)}`;
  });
  if (lines.length) body.push(...sections(lines.join('\n')));
  return { body, footer: actionButtons(v.actions, new Set()), fallback: `Leaderboard (${v.periodLabel})` };
}

export function renderStats(v: ViewOf<'stats'>): Parts {
  const body: MessageBlock[] = [header('Your stats')];
  const meta = context([`*${escClip(oneLine(v.name), 80)}*`, esc(oneLine(v.roleTitle))]);
  if (meta) body.push(meta);
  body.push(
    ...fields([
      `*Points*\n${v.points}`,
      `*This week*\n${v.weekPoints}`,
      `*Answered*\n${v.answered} (${v.correct} correct)`,
      `*Accuracy*\n${percent(v.accuracy)}`,
      `*Streak*\n${v.streak} (best ${v.bestStreak})`,
      `*Due for review*\n${v.reviewDue}`,
    ]),
  );
  const rows = (title: string, list: typeof v.byTier): MessageBlock[] =>
    list.length === 0
      ? []
      : sections(`*${title}*\n${list.slice(0, 15).map((r) => `•  ${escClip(oneLine(r.label), 80)}: ${r.correct}/${r.answered} (${percent(r.accuracy)})`).join('\n')}`);
  body.push(...rows('By tier', v.byTier), ...rows('By topic', v.byTopic), ...rows('Weakest topics', v.weakest));
  return { body, footer: actionButtons(v.actions, new Set()), fallback: `Stats for ${v.name}` };
}

export function renderHelp(v: ViewOf<'help'>): Parts {
  const body: MessageBlock[] = [header(v.title)];
  for (const c of v.commands) {
    const bare = oneLine(c.name).replace(/^\//, '');
    // Usage lines may already start with the command; show each as code, prefixed once.
    const usage = c.usage
      .split('\n')
      .map((u) => oneLine(u))
      .filter(Boolean)
      .slice(0, 10)
      .map((u) => `\`${escClip(u.startsWith('/') ? u : `/${bare} ${u}`, 200)}\``);
    const lines = [`*/${escClip(bare, 100)}* — ${escClip(oneLine(c.description), 500)}`, ...usage];
    if (c.examples.length) lines.push(`_e.g._ ${c.examples.slice(0, 3).map((e) => `\`${escClip(oneLine(e), 100)}\``).join('  ')}`);
    body.push(...sections(lines.join('\n')));
  }
  return { body, footer: [], fallback: v.title };
}

export function renderNotice(v: ViewOf<'notice'>): Parts {
  return {
    body: [header(v.title), ...sections(esc(v.text.trim()))],
    footer: actionButtons(v.actions, new Set()),
    fallback: `${v.title}: ${oneLine(v.text)}`,
  };
}

export function renderError(v: ViewOf<'error'>): Parts {
  const icon = v.code === 'internal' ? ':boom:' : v.code === 'stale-action' ? ':hourglass:' : ':warning:';
  const body: MessageBlock[] = sections(`${icon} ${esc(v.message.trim())}`);
  if (v.usage) {
    const lines = v.usage
      .split('\n')
      .map((u) => oneLine(u))
      .filter(Boolean)
      .slice(0, 12)
      .map((u) => `\`${escClip(u, 300)}\``);
    body.push(...sections(`*Usage*\n${lines.join('\n')}`));
  }
  return { body, footer: [], fallback: oneLine(v.message) };
}
