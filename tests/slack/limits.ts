/**
 * Checks a rendered Slack message or modal against every Block Kit limit we
 * rely on, and that no mention syntax survives in what would be sent.
 */
import { expect } from 'vitest';
import { type CheckboxesElement, LIMITS, type MessageBlock } from '../../adapters/slack/blocks.js';
import { blockChars } from '../../adapters/slack/blocks-fit.js';
import type { PromptModal } from '../../adapters/slack/modal.js';
import type { SlackMessage } from '../../adapters/slack/render.js';

/** Mrkdwn must hold only escaped `<`/`>`/`&` (no links, no mentions). */
function checkMrkdwn(text: string, where: string): void {
  expect(text.length, `${where}: empty mrkdwn`).toBeGreaterThan(0);
  expect(text, `${where}: unescaped <`).not.toMatch(/</);
  expect(text, `${where}: bare &`).not.toMatch(/&(?!amp;|lt;|gt;)/);
}

/** A checkbox group (@slack/types Checkboxes): 1..10 options, texts and values within 75, unique values, initial options among them. */
function checkCheckboxes(e: CheckboxesElement, at: string): void {
  expect(e.options.length, at).toBeGreaterThan(0);
  expect(e.options.length, at).toBeLessThanOrEqual(LIMITS.checkboxOptions);
  for (const o of e.options) {
    expect(o.text.type, at).toBe('plain_text');
    expect(o.text.text.length, at).toBeGreaterThan(0);
    expect(o.text.text.length, at).toBeLessThanOrEqual(LIMITS.optionText);
    expect(o.value.length, at).toBeGreaterThan(0);
    expect(o.value.length, at).toBeLessThanOrEqual(LIMITS.optionValue);
    if (o.description) {
      expect(o.description.text.length, at).toBeGreaterThan(0);
      expect(o.description.text.length, at).toBeLessThanOrEqual(LIMITS.optionText);
    }
  }
  expect(new Set(e.options.map((o) => o.value)).size, `${at}: duplicate option values`).toBe(e.options.length);
  if (e.initial_options) {
    expect(e.initial_options.length, `${at}: empty initial_options`).toBeGreaterThan(0);
    // Slack matches initial options to options exactly: text, value and description.
    for (const o of e.initial_options) expect(e.options, `${at}: initial option ${o.value}`).toContainEqual(o);
  }
}

export function checkBlocks(blocks: MessageBlock[], where = 'message'): void {
  const ids = new Set<string>();
  for (const [i, b] of blocks.entries()) {
    const at = `${where} block ${i} (${b.type})`;
    switch (b.type) {
      case 'header':
        expect(b.text.text.length, at).toBeGreaterThan(0);
        expect(b.text.text.length, at).toBeLessThanOrEqual(LIMITS.header);
        break;
      case 'section':
        expect(b.text ?? b.fields, at).toBeDefined();
        if (b.text) {
          expect(b.text.text.length, at).toBeLessThanOrEqual(LIMITS.sectionText);
          checkMrkdwn(b.text.text, at);
        }
        if (b.fields) {
          expect(b.fields.length, at).toBeGreaterThan(0);
          expect(b.fields.length, at).toBeLessThanOrEqual(LIMITS.fields);
          for (const f of b.fields) {
            expect(f.text.length, at).toBeLessThanOrEqual(LIMITS.fieldText);
            checkMrkdwn(f.text, at);
          }
        }
        break;
      case 'context':
        expect(b.elements.length, at).toBeGreaterThan(0);
        expect(b.elements.length, at).toBeLessThanOrEqual(LIMITS.contextElements);
        for (const e of b.elements) {
          expect(e.text.length, at).toBeLessThanOrEqual(LIMITS.sectionText);
          checkMrkdwn(e.text, at);
        }
        break;
      case 'actions':
        expect(b.elements.length, at).toBeGreaterThan(0);
        expect(b.elements.length, at).toBeLessThanOrEqual(LIMITS.actionsElements);
        for (const e of b.elements) {
          if (e.type === 'checkboxes') checkCheckboxes(e, at);
          else {
            expect(e.text.text.length, at).toBeGreaterThan(0);
            expect(e.text.text.length, at).toBeLessThanOrEqual(LIMITS.buttonText);
            expect((e.value ?? '').length, at).toBeLessThanOrEqual(LIMITS.buttonValue);
          }
          expect(e.action_id.length, at).toBeGreaterThan(0);
          expect(e.action_id.length, at).toBeLessThanOrEqual(LIMITS.actionId);
          expect(ids.has(e.action_id), `${at}: duplicate action_id ${e.action_id}`).toBe(false);
          ids.add(e.action_id);
        }
        break;
      case 'divider':
        break;
    }
  }
}

/** Every limit of a message, plus our compactness budget and mention safety. */
export function checkMessage(message: SlackMessage, where = 'message'): void {
  expect(message.blocks.length, where).toBeGreaterThan(0);
  expect(message.blocks.length, where).toBeLessThanOrEqual(LIMITS.blocks);
  checkBlocks(message.blocks, where);
  const chars = message.blocks.reduce((n, b) => n + blockChars(b), 0);
  expect(chars, `${where}: visible characters`).toBeLessThanOrEqual(LIMITS.messageChars);
  expect(message.text.length, where).toBeGreaterThan(0);
  expect(message.text.length, where).toBeLessThanOrEqual(LIMITS.fallbackText);
  expect(message.text, where).not.toMatch(/</);
  // Button values are never displayed (a prompt button carries raw question text for the modal).
  const shown = JSON.stringify(message, (k, v: unknown) => (k === 'value' ? undefined : v));
  expect(shown, `${where}: mention syntax`).not.toMatch(/<[!@#]/);
}

export function checkModal(modal: PromptModal, where = 'modal'): void {
  expect(modal.title.text.length, where).toBeLessThanOrEqual(LIMITS.modalTitle);
  expect(modal.submit.text.length, where).toBeLessThanOrEqual(LIMITS.modalButton);
  expect(modal.close.text.length, where).toBeLessThanOrEqual(LIMITS.modalButton);
  expect(modal.private_metadata.length, where).toBeLessThanOrEqual(LIMITS.privateMetadata);
  expect(modal.blocks.length, where).toBeLessThanOrEqual(LIMITS.modalBlocks);
  for (const b of modal.blocks) {
    if (b.type === 'input') {
      expect(b.label.text.length, where).toBeLessThanOrEqual(LIMITS.inputLabel);
      expect(b.element.max_length, where).toBeLessThanOrEqual(LIMITS.inputMaxLength);
      expect(b.element.max_length, where).toBeGreaterThan(0);
      expect((b.element.placeholder?.text ?? '').length, where).toBeLessThanOrEqual(LIMITS.placeholder);
    } else checkBlocks([b], where);
  }
  expect(JSON.stringify(modal), `${where}: mention syntax`).not.toMatch(/<[!@#]/);
}
