/**
 * The role family's buttons: one per section of the role document (`r`).
 * The code and field order are fixed: ids already in chats must still decode.
 */
import { defineButtons } from '../buttons.js';

/** Show one section of the role privately. */
export type RoleRef = { area: 'role'; op: 'section'; section: string };

/** `<prefix>|r|section|<section>`. */
export const roleButtons = defineButtons<RoleRef>({
  area: 'role',
  code: 'r',
  encode: (ref) => [ref.op, ref.section],
  decode: ([op, section]) => (op === 'section' && section ? { area: 'role', op, section } : undefined),
});
