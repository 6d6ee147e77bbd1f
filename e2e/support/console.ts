// What the officers' console suites share: axe run under the console's strict CSP, the 320 px check, the Tab
// target by name, and signing in through the page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { Focus } from './browser.js';

/** The test officers' password (12 characters or more, as the server asks). */
export const PASSWORD = 'a passphrase for the test';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');

/** Serious and critical axe violations on the page, as readable lines. */
export async function axeViolations(page: Page) {
  // Evaluated through the DevTools protocol: the console's policy forbids inline scripts, and rightly so.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: {
        run: (context: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string }[] }>;
      };
    };
    return (await axe.run(document)).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

/** Whether the page scrolls sideways: at 320 px wide, nothing should make it. */
export const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

/** A `tabTo` target: the focused element's accessible name is `name` (or matches it). */
export const named = (name: string | RegExp) => (focus: Focus) =>
  typeof name === 'string' ? focus.name === name : name.test(focus.name);

/** Fills in and sends the console's sign-in form at `apiUrl`/admin/. */
export async function signIn(page: Page, apiUrl: string, email: string, password = PASSWORD) {
  await page.goto(`${apiUrl}/admin/`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
