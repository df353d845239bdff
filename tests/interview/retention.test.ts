import { describe, expect, it } from 'vitest';
import { escapeMentions, hasMention, stripMentions } from '../../src/interview/mentions.js';
import { abandoned, DEFAULT_RETENTION_DAYS, expired, parseRetentionDays, sanitiseCandidate } from '../../src/interview/retention.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2027, 2, 1);

describe('sanitiseCandidate', () => {
  it.each([
    ['  Jordan Lee  ', 'Jordan Lee'],
    ['<@U123> Jordan', 'Jordan'],
    ['Jordan <@U123|jordan>', 'Jordan'],
    ['<!here> Jordan <!channel> <!subteam^S1|@devs>', 'Jordan'],
    ['Jordan for <#C123|hiring> <#C999>', 'Jordan for'],
    ['@everyone @here @channel Jordan', 'Jordan'],
    ['@jordan.lee', 'jordan.lee'],
    ['jordan@example.com', 'jordan@example.com'],
    ['Discord <@!123> <@&456> </interview:789> Jordan', 'Discord Jordan'],
    ['<<@U1>!here> nested', 'nested'],
    ['@\u200beveryone Jordan', 'Jordan'],
    ['Jordan\nLee\tSmith', 'Jordan Lee Smith'],
    ['<@U1>', ''],
  ])('%j → %j', (raw, clean) => {
    expect(sanitiseCandidate(raw)).toBe(clean);
    expect(hasMention(sanitiseCandidate(raw))).toBe(false);
  });

  it('keeps at most 80 characters, counting emoji as one', () => {
    expect(sanitiseCandidate('x'.repeat(200))).toHaveLength(80);
    expect([...sanitiseCandidate('🙂'.repeat(100))]).toHaveLength(80);
    expect(sanitiseCandidate(`${'a'.repeat(79)} b`)).toBe('a'.repeat(79));
  });
});

describe('mentions', () => {
  it('escapes instead of stripping where the text must stay readable', () => {
    expect(escapeMentions('ask <@U1> or @here')).toBe('ask <\u200b@U1> or @\u200bhere');
    expect(hasMention(escapeMentions('<!channel> <#C1> @everyone </x:1>'))).toBe(false);
    expect(escapeMentions('mail me at a@b.com, email@everyone.org? no: @everyone')).toBe('mail me at a@b.com, email@\u200beveryone.org? no: @\u200beveryone');
    expect(stripMentions('a <@U1> b')).toBe('a  b');
  });
});

describe('retention', () => {
  const cards = [
    { id: 'old', finished: NOW - 91 * DAY },
    { id: 'edge', finished: NOW - 90 * DAY },
    { id: 'new', finished: NOW - 89 * DAY },
  ];

  it('expires scorecards finished the retention period ago or earlier', () => {
    expect(expired(cards, NOW, 90).map((c) => c.id)).toEqual(['old', 'edge']);
    expect(expired(cards, NOW, 365)).toEqual([]);
  });

  it('expires abandoned interviews by their last change', () => {
    const sessions = [
      { id: 'a', phase: 'running', updatedAt: NOW - 100 * DAY },
      { id: 'b', phase: 'planning', updatedAt: NOW - DAY },
      { id: 'c', phase: 'finished', updatedAt: NOW - 100 * DAY },
    ];
    expect(abandoned(sessions, NOW, 90).map((s) => s.id)).toEqual(['a']);
  });

  it('reads INTERVIEW_RETENTION_DAYS, 90 by default', () => {
    expect(parseRetentionDays(undefined)).toEqual({ ok: true, value: DEFAULT_RETENTION_DAYS });
    expect(parseRetentionDays(' ')).toEqual({ ok: true, value: 90 });
    expect(parseRetentionDays('30')).toEqual({ ok: true, value: 30 });
    for (const bad of ['0', '-5', '1.5', 'ninety', '99999']) expect(parseRetentionDays(bad)).toMatchObject({ ok: false, error: { code: 'bad-retention' } });
  });
});
