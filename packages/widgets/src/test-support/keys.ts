import { executeServerCommand } from '@web/test-runner-commands';

/** What to press: a string typed letter by letter, one key or chord ("Shift+Tab"), or one key held or let go. */
export type KeysPayload = { type: string } | { press: string } | { down: string } | { up: string };

/**
 * Real key presses, as wtr's `sendKeys` but the same in Chromium, Firefox and WebKit: it goes through the
 * `civic-keys` command of scripts/wtr/keys-plugin.mjs, which says why wtr's own cannot serve.
 */
export async function sendKeys(payload: KeysPayload): Promise<void> {
  await executeServerCommand('civic-keys', payload);
}
