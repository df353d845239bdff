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
// A string select (discord-api-types APIStringSelectComponent): alone in its row.
const selectSchema = z.object({
  type: z.literal(3),
  custom_id: z.string(),
  placeholder: z.string().optional(),
  min_values: z.number().int().optional(),
  max_values: z.number().int().optional(),
  options: z.array(z.object({ label: z.string(), value: z.string(), description: z.string().optional(), default: z.boolean().optional() })),
});
const messageSchema = z.object({
  content: z.string().optional(),
  embeds: z.array(embedSchema).optional(),
  components: z.array(z.object({ type: z.literal(1), components: z.array(z.union([buttonSchema, selectSchema])) })).optional(),
});

/** Every limit a select menu breaks. */
function selectViolations(s: z.infer<typeof selectSchema>, check: (what: string, value: number, max: number, min?: number) => void): string[] {
  const out: string[] = [];
  check(`select ${s.custom_id} options`, s.options.length, 25, 1);
  check(`select placeholder`, s.placeholder?.length ?? 0, 150);
  const min = s.min_values ?? 1;
  const max = s.max_values ?? 1;
  check(`select ${s.custom_id} min_values`, min, 25, 0);
  check(`select ${s.custom_id} max_values`, max, Math.min(25, s.options.length), Math.max(1, min));
  check(`select ${s.custom_id} defaults`, s.options.filter((o) => o.default).length, max);
  for (const o of s.options) {
    check(`select option label "${o.label}"`, o.label.length, 100, 1);
    check(`select option value ${o.value}`, o.value.length, 100, 1);
    check(`select option description`, o.description?.length ?? 0, 100);
  }
  if (new Set(s.options.map((o) => o.value)).size !== s.options.length) out.push(`select ${s.custom_id}: duplicate option values`);
  return out;
}

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
    const selects = r.components.filter((c) => c.type === 3);
    if (selects.length > 0 && r.components.length !== 1) out.push(`row ${i}: a select menu must be alone in its row`);
    for (const b of r.components) {
      if (b.type === 3) {
        check(`custom_id ${b.custom_id}`, b.custom_id.length, LIM.customId, 1);
        if (ids.has(b.custom_id)) out.push(`duplicate custom_id ${b.custom_id}`);
        ids.add(b.custom_id);
        out.push(...selectViolations(b, check));
        continue;
      }
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
