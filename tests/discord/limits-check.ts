/**
 * Checks a Discord message payload (as rendered, or as it reached the fake
 * REST) against every documented limit; returns the violations.
 */
import { z } from 'zod';

const LIM = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  total: 6000,
  rows: 5,
  buttons: 5,
  label: 80,
  customId: 100,
};

const embedSchema = z.object({
  title: z.string().optional(),
  description: z.string().optional(),
  footer: z.object({ text: z.string() }).optional(),
  author: z.object({ name: z.string() }).optional(),
  fields: z.array(z.object({ name: z.string(), value: z.string(), inline: z.boolean().optional() })).optional(),
  color: z.number().int().min(0).max(0xffffff).optional(),
});
const buttonSchema = z.object({ type: z.literal(2), style: z.number(), label: z.string(), custom_id: z.string() });
const messageSchema = z.object({
  content: z.string().optional(),
  embeds: z.array(embedSchema).optional(),
  components: z.array(z.object({ type: z.literal(1), components: z.array(buttonSchema) })).optional(),
});

/** Every limit the message breaks, empty when it is valid. */
export function limitViolations(message: unknown): string[] {
  const parsed = messageSchema.safeParse(message);
  if (!parsed.success) return [`shape: ${parsed.error.message}`];
  const m = parsed.data;
  const out: string[] = [];
  const check = (what: string, value: number, max: number, min = 0) => {
    if (value > max || value < min) out.push(`${what}: ${value} not in ${min}..${max}`);
  };
  check('content', m.content?.length ?? 0, LIM.content);
  const embeds = m.embeds ?? [];
  check('embeds', embeds.length, LIM.embeds);
  let total = 0;
  embeds.forEach((e, i) => {
    check(`embed ${i} title`, e.title?.length ?? 0, LIM.title);
    check(`embed ${i} description`, e.description?.length ?? 0, LIM.description);
    check(`embed ${i} footer`, e.footer?.text.length ?? 0, LIM.footer);
    check(`embed ${i} author`, e.author?.name.length ?? 0, LIM.author);
    check(`embed ${i} fields`, e.fields?.length ?? 0, LIM.fields);
    (e.fields ?? []).forEach((f, j) => {
      check(`embed ${i} field ${j} name`, f.name.length, LIM.fieldName, 1);
      check(`embed ${i} field ${j} value`, f.value.length, LIM.fieldValue, 1);
      total += f.name.length + f.value.length;
    });
    if (e.footer) check(`embed ${i} footer`, e.footer.text.length, LIM.footer, 1);
    if (e.description !== undefined) check(`embed ${i} description`, e.description.length, LIM.description, 1);
    total += (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
    if (!e.title && !e.description && !e.fields?.length && !e.author) out.push(`embed ${i} is empty`);
  });
  check('embed total', total, LIM.total);
  const rows = m.components ?? [];
  check('rows', rows.length, LIM.rows);
  const ids = new Set<string>();
  rows.forEach((r, i) => {
    check(`row ${i} buttons`, r.components.length, LIM.buttons, 1);
    for (const b of r.components) {
      check(`button label "${b.label}"`, b.label.length, LIM.label, 1);
      check(`custom_id ${b.custom_id}`, b.custom_id.length, LIM.customId, 1);
      if (ids.has(b.custom_id)) out.push(`duplicate custom_id ${b.custom_id}`);
      ids.add(b.custom_id);
    }
  });
  if (!m.content && embeds.length === 0) out.push('message has neither content nor embeds');
  // A lone surrogate means a clip cut an emoji in half.
  const strings = (v: unknown): string[] =>
    typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : [];
  if (strings(m).some((s) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s))) out.push('lone surrogate');
  return out;
}
