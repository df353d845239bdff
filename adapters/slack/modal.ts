/**
 * The free-text answer form: what a prompt button carries, the modal it opens,
 * and the private metadata that lets the submit be answered in the right place.
 * Slack keeps no state for us, so everything needed later travels in the
 * button value (≤ 2000) and the modal's private_metadata (≤ 3000).
 */
import { z } from 'zod';
import type { TextPrompt } from '../../src/views.js';
import { clip, defang, esc, LIMITS, oneLine, type PlainText, type SectionBlock, sections } from './blocks.js';

/** The modal's callback id; one `app.view` listener serves every prompt. */
export const PROMPT_CALLBACK_ID = 'panelist-prompt';
/** Block and action id of the modal's text input. */
export const PROMPT_INPUT_ID = 'answer';

const promptSchema = z.object({
  actionId: z.string().min(1).max(LIMITS.actionId),
  title: z.string(),
  label: z.string(),
  placeholder: z.string().optional(),
  maxLength: z.number().int().positive(),
});

const buttonValueSchema = z.object({
  /** The prompt to open. */
  p: promptSchema,
  /** The question, shown above the input so the modal does not hide it. */
  q: z.string().optional(),
});

/** What a prompt button hands to the action listener. */
export type PromptButton = z.infer<typeof buttonValueSchema>;

/**
 * Encodes a prompt (and the question it answers) as a button value within 2000
 * characters, shortening the question first and the placeholder next.
 */
export function encodePromptButton(prompt: TextPrompt, question?: string): string {
  const p: TextPrompt = {
    actionId: prompt.actionId,
    title: prompt.title,
    label: prompt.label,
    maxLength: prompt.maxLength,
    ...(prompt.placeholder !== undefined ? { placeholder: clip(prompt.placeholder, LIMITS.placeholder) } : {}),
  };
  const encode = (q: string | undefined): string => JSON.stringify(q === undefined ? { p } : { p, q });
  let value = encode(question === undefined ? undefined : clip(question, 1200));
  if (value.length > LIMITS.buttonValue) value = encode(undefined);
  if (value.length > LIMITS.buttonValue) {
    delete p.placeholder;
    p.title = clip(p.title, LIMITS.modalTitle);
    p.label = clip(p.label, 200);
    value = encode(undefined);
  }
  return value;
}

/** Reads a prompt button's value; undefined when the value is not one. */
export function decodePromptButton(value: string | undefined): PromptButton | undefined {
  if (!value?.startsWith('{')) return undefined;
  try {
    const parsed = buttonValueSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const metadataSchema = z.object({
  /** Action id of the submit. */
  a: z.string().min(1),
  /** response_url of the message the button was on. */
  r: z.string().url(),
  /** Channel (conversation) of that message. */
  c: z.string(),
});

/** What the modal remembers for its submit. */
export interface PromptMetadata {
  actionId: string;
  responseUrl: string;
  channel: string;
}

/** Serialises metadata; throws when it would not fit private_metadata (never silently cut a URL). */
export function encodeMetadata(meta: PromptMetadata): string {
  const s = JSON.stringify({ a: meta.actionId, r: meta.responseUrl, c: meta.channel });
  if (s.length > LIMITS.privateMetadata) throw new Error(`prompt metadata too long (${s.length} > ${LIMITS.privateMetadata})`);
  return s;
}

/** Parses metadata from a view submission; undefined when absent or malformed. */
export function decodeMetadata(raw: string | undefined): PromptMetadata | undefined {
  if (!raw) return undefined;
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(raw));
    return parsed.success ? { actionId: parsed.data.a, responseUrl: parsed.data.r, channel: parsed.data.c } : undefined;
  } catch {
    return undefined;
  }
}

/** A modal view, narrow subset of `@slack/types` ModalView. */
export interface PromptModal {
  type: 'modal';
  callback_id: string;
  title: PlainText;
  submit: PlainText;
  close: PlainText;
  private_metadata: string;
  blocks: (SectionBlock | InputBlock)[];
}

interface InputBlock {
  type: 'input';
  block_id: string;
  label: PlainText;
  element: {
    type: 'plain_text_input';
    action_id: string;
    multiline: boolean;
    max_length: number;
    placeholder?: PlainText;
  };
}

function plain(text: string, max: number): PlainText {
  return { type: 'plain_text', text: clip(defang(oneLine(text)), max) || '…', emoji: true };
}

/** The modal for a text prompt, with `question` (content) shown above the input when given. */
export function promptModal(prompt: TextPrompt, metadata: PromptMetadata, question?: string): PromptModal {
  const maxLength = Math.max(1, Math.min(prompt.maxLength, LIMITS.inputMaxLength));
  const input: InputBlock = {
    type: 'input',
    block_id: PROMPT_INPUT_ID,
    label: plain(prompt.label, LIMITS.inputLabel),
    element: { type: 'plain_text_input', action_id: PROMPT_INPUT_ID, multiline: true, max_length: maxLength },
  };
  if (prompt.placeholder) input.element.placeholder = plain(prompt.placeholder, LIMITS.placeholder);
  const intro = question ? sections(`*${esc(oneLine(question))}*`) : [];
  return {
    type: 'modal',
    callback_id: PROMPT_CALLBACK_ID,
    title: plain(prompt.title, LIMITS.modalTitle),
    submit: plain('Submit', LIMITS.modalButton),
    close: plain('Cancel', LIMITS.modalButton),
    private_metadata: encodeMetadata(metadata),
    blocks: [...intro.slice(0, 3), input],
  };
}
