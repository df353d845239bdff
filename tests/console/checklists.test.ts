import { describe, expect, it } from 'vitest';
import { isTickLine, numberedItems, parseTickLine } from '../../adapters/console/checklists.js';
import type { Checklist } from '../../src/views.js';

const points: Checklist = {
  id: 'points',
  label: 'Key points heard',
  items: [
    { value: '0', label: 'a', checked: true },
    { value: '1', label: 'b', checked: false },
    { value: '2', label: 'c', checked: false },
  ],
};
const flags: Checklist = {
  id: 'flags',
  label: 'Red flags heard',
  max: 1,
  items: [
    { value: 'x', label: 'x', checked: false },
    { value: 'y', label: 'y', checked: false },
  ],
};

describe('console checklists', () => {
  it('numbers boxes on across checklists', () => {
    expect(numberedItems([points, flags]).map((n) => [n.n, n.checklist.id, n.item.value])).toEqual([
      [1, 'points', '0'],
      [2, 'points', '1'],
      [3, 'points', '2'],
      [4, 'flags', 'x'],
      [5, 'flags', 'y'],
    ]);
  });

  it('turns `tick` and `untick` into the whole new selection of each checklist touched', () => {
    expect(parseTickLine('tick 3, 4', [points, flags])).toEqual({
      ok: true,
      changes: [
        { id: 'points', text: '0 2' },
        { id: 'flags', text: 'x' },
      ],
    });
    expect(parseTickLine('UNTICK 1', [points, flags])).toEqual({ ok: true, changes: [{ id: 'points', text: '' }] });
    expect(parseTickLine('tick 2 2', [points])).toEqual({ ok: true, changes: [{ id: 'points', text: '0 1' }] });
  });

  it('says what is wrong: no numbers, a box that does not exist, more than a checklist allows', () => {
    expect(parseTickLine('tick', [points])).toMatchObject({ ok: false, message: expect.stringMatching(/numbers from 1 to 3/) });
    expect(parseTickLine('tick 9', [points])).toMatchObject({ ok: false, message: expect.stringMatching(/no box 9/) });
    expect(parseTickLine('tick two', [points])).toMatchObject({ ok: false });
    expect(parseTickLine('tick 4 5', [points, flags])).toMatchObject({ ok: false, message: expect.stringMatching(/at most 1/) });
    expect(parseTickLine('tick 1', [])).toMatchObject({ ok: false });
  });

  it('leaves other lines alone', () => {
    expect(parseTickLine('ticket 1', [points])).toBeUndefined();
    expect(parseTickLine('next', [points])).toBeUndefined();
    expect(isTickLine('  tick 1')).toBe(true);
    expect(isTickLine('untick')).toBe(true);
    expect(isTickLine('show answer')).toBe(false);
  });
});
