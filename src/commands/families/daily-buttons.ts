/**
 * The daily family's buttons (`q`, for question of the day): an answer to one
 * day's post in one channel. The workspace and role come from the request, so
 * the id carries only the channel, the local date and the position pressed.
 * Code and field order are fixed: ids already in chats must still decode.
 */
import { defineButtons, smallInt } from '../buttons.js';

/** Answer `choice` (display position 0..3) to the post of `date` (`2026-12-02`) in `channel`. */
export type DailyRef = { area: 'daily'; channel: string; date: string; choice: number };

const CHANNEL = /^[A-Za-z0-9_.:-]{1,40}$/;
const DATE = /^(\d{4})(\d{2})(\d{2})$/;

/** `<prefix>|q|<channel>|<yyyymmdd>|<choice>`. */
export const dailyButtons = defineButtons<DailyRef>({
  area: 'daily',
  code: 'q',
  encode: (ref) => [ref.channel, ref.date.replace(/-/g, ''), ref.choice],
  decode(fields) {
    const [channel, compact, c] = fields;
    const date = compact ? DATE.exec(compact) : null;
    const choice = smallInt(c);
    return fields.length === 3 && channel && CHANNEL.test(channel) && date && choice !== undefined && choice < 4
      ? { area: 'daily', channel, date: `${date[1]}-${date[2]}-${date[3]}`, choice }
      : undefined;
  },
});
