/**
 * Command families own their command, buttons and help: the command table,
 * the help option list and the button router are all derived from the one
 * list of families, and every button area is served by exactly one family.
 */
import { describe, expect, it } from 'vitest';
import { decodeAction, encodeAction, routeAction } from '../../src/actions.js';
import { defineButtons } from '../../src/commands/buttons.js';
import { FAMILIES } from '../../src/commands/families/index.js';
import { COMMAND_TABLE } from '../../src/commands/table.js';
import { act, cmd, makeTestAssistant } from '../helpers/assistant.js';
import { viewOf } from './support.js';

const AREAS = FAMILIES.flatMap((f) => f.areas.map((a) => ({ family: f.command.name, area: a.codec.area, code: a.codec.code })));

describe('command families', () => {
  it('are the command table, in order, with help last', () => {
    expect(COMMAND_TABLE.map((c) => c.name)).toEqual(FAMILIES.map((f) => f.command.name));
    expect(COMMAND_TABLE.at(-1)?.name).toBe('help');
  });

  it('give help its option list: every family, help included, and nothing else', () => {
    const help = COMMAND_TABLE.find((c) => c.name === 'help');
    const option = help?.options?.find((o) => o.name === 'command');
    expect(option?.type === 'choice' ? option.choices : []).toEqual(FAMILIES.map((f) => f.command.name));
  });

  it('own every button area once, each with its own code', () => {
    expect(AREAS.map((a) => `${a.family}:${a.area}=${a.code}`)).toEqual([
      'role:role=r',
      'question:card=c',
      'question:flag=f',
      'quiz:quiz=z',
      'quiz:board=b',
      'quiz:dispute=d',
      'interview:interview=i',
      'challenge:challenge=g',
      'daily:daily=q',
    ]);
    expect(new Set(AREAS.map((a) => a.code)).size).toBe(AREAS.length);
  });

  it('route an id to the family that owns its area, and nothing else', () => {
    const routed = routeAction('devops|z|stats');
    expect(routed?.ref).toEqual({ area: 'quiz', op: 'stats' });
    expect(FAMILIES.find((f) => f.areas.some((a) => a === routed?.area))?.command.name).toBe('quiz');
    expect(routeAction('devops|q|stats')).toBeUndefined();
  });

  it('still decode ids already posted in chats, byte for byte as the old encoder wrote them', () => {
    const OLD: [string, unknown][] = [
      ['devops|c|another|q1|t|kubernetes', { area: 'card', op: 'another', questionId: 'q1', tier: 'technical', topic: 'kubernetes' }],
      ['devops|c|show|q1', { area: 'card', op: 'show', questionId: 'q1' }],
      ['devops|f|q1', { area: 'flag', questionId: 'q1' }],
      ['devops|z|choice|a1b2c3d4|3|2', { area: 'quiz', op: 'choice', sessionId: 'a1b2c3d4', index: 3, choice: 2 }],
      ['devops|z|new|a|10|text', { area: 'quiz', op: 'new', tier: 'advanced', count: 10, mode: 'text' }],
      ['devops|z|stats', { area: 'quiz', op: 'stats' }],
      ['devops|b|share|week', { area: 'board', op: 'share', period: 'week' }],
      ['devops|r|section|use-cases', { area: 'role', op: 'section', section: 'use-cases' }],
      ['devops|d|q1|loyw3v28', { area: 'dispute', questionId: 'q1', at: 1_700_000_000_000 }],
    ];
    for (const [id, ref] of OLD) {
      expect(decodeAction(id)).toEqual(ref);
      expect(encodeAction('devops', ref as Parameters<typeof encodeAction>[1])).toBe(id);
    }
  });

  it('serve the stats button through the quiz family like any other op, the same view as the command', async () => {
    const t = await makeTestAssistant();
    const byCommand = viewOf(await t.assistant.handle(cmd('devops-quiz', 'stats')), 'stats');
    const byButton = viewOf(await t.assistant.handle(act(encodeAction('devops', { area: 'quiz', op: 'stats' }))), 'stats');
    expect(byButton).toEqual(byCommand);
  });

  it('declare areas whose codes are checked', () => {
    expect(() => defineButtons({ area: 'x', code: 'X1', encode: () => [], decode: () => undefined })).toThrow(/lowercase letters/);
    const echo = defineButtons<{ area: 'echo'; word: string }>({
      area: 'echo',
      code: 'e',
      encode: (r) => [r.word],
      decode: ([word]) => (word ? { area: 'echo', word } : undefined),
    });
    expect(echo.id('devops', { word: 'hi' })).toBe('devops|e|hi');
    expect(echo.decode(['hi'])).toEqual({ area: 'echo', word: 'hi' });
    // Not one of the families' areas, so the router does not know it.
    expect(decodeAction('devops|e|hi')).toBeUndefined();
  });
});
