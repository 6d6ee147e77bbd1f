// The console's services page (issue 16), end to end on the real server: an editor, by keyboard at 320 px,
// checks an HSDS file with one bad record (the refusal explained, nothing saved), imports it, renames the category
// it brought, then finds an imported service and edits it (a missing address refused first, what was typed kept).
// A viewer only reads. Axe checks each state; the stored rows and audit entries are checked.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { addUser } from '../packages/server/src/auth/users.js';
import { deepFocus, newPage, tabTo } from './support/browser.js';
import { axeViolations, named, overflows, PASSWORD, signIn as signInAt } from './support/console.js';
import { type E2E, startE2E } from './support/e2e.js';

/** One HSDS 3.0 service at a location. */
const record = (id: string, name: string, latitude: number, address: string) => ({
  id,
  service: {
    id: `svc-${id}`,
    name,
    description: `${name}, run by volunteers.`,
    status: 'active',
    organization: { id: 'org-1', name: 'Leeds Community Trust' },
    attributes: [{ taxonomy_term: { id: 'food-support', name: 'Food support' } }],
  },
  location: {
    id: `loc-${id}`,
    latitude,
    longitude: -1.55,
    addresses: [{ address_1: address, city: 'Leeds', postal_code: 'LS2 7EY', address_type: 'physical' }],
  },
});

describe('the console’s services page', () => {
  let e2e: E2E;
  const files = mkdtempSync(join(tmpdir(), 'civic-hsds-'));
  const hsdsFile = join(files, 'directory.json');
  const notJson = join(files, 'directory.txt');
  const tooLarge = join(files, 'everything.json');
  before(async () => {
    e2e = await startE2E();
    await addUser(e2e.db, { email: 'clerk@council.example', role: 'editor', password: PASSWORD }, new Date());
    await addUser(e2e.db, { email: 'reader@council.example', role: 'viewer', password: PASSWORD }, new Date());
    const contents = [
      record('riverside-food-bank', 'Riverside Food Bank', 53.7968, '4 Water Lane'),
      record('moon-base-pantry', 'Moon Base Pantry', 100, '1 Crater Road'),
      record('harehills-larder', 'Harehills Community Larder', 53.8105, '12 Roundhay Road'),
    ];
    writeFileSync(hsdsFile, JSON.stringify({ total_items: 3, total_pages: 1, page_number: 1, contents }));
    writeFileSync(notJson, 'name,address\nRiverside Food Bank,4 Water Lane\n');
    writeFileSync(tooLarge, JSON.stringify({ contents: [{ notes: 'x'.repeat(6 * 1024 * 1024) }] }));
  });
  after(() => e2e?.close());

  async function signIn(page: Page, email: string) {
    await signInAt(page, e2e.apiUrl, email);
    await page.getByRole('heading', { name: 'Petitions', level: 1 }).waitFor();
  }

  const stored = (id: string) => e2e.db.selectFrom('services').selectAll().where('id', '=', id).executeTakeFirst();

  it('an editor checks and imports an HSDS file, then finds and edits a service, by keyboard at 320 px', async () => {
    const { context, page, problems } = await newPage(e2e);
    await page.setViewportSize({ width: 320, height: 900 });
    await signIn(page, 'clerk@council.example');
    await tabTo(page, named('Services'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Services', level: 1 }).waitFor();
    await page
      .getByRole('status')
      .getByText(/services found$/)
      .waitFor();
    assert.deepEqual(await axeViolations(page), [], 'services page with the demo directory');

    // A file that is not JSON: said before anything is sent, on the file control.
    const fileInput = page.getByLabel('HSDS file', { exact: true });
    await fileInput.setInputFiles(notJson);
    await tabTo(page, named('Check the file'));
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await alert.getByText('“directory.txt” is not a JSON file.', { exact: false }).waitFor();
    assert.equal((await deepFocus(page)).role, 'alert', 'focus on the message');
    assert.deepEqual(await axeViolations(page), [], 'import with a file that is not JSON');
    await fileInput.setInputFiles(tooLarge);
    await tabTo(page, named('Check the file'));
    await page.keyboard.press('Enter');
    await alert.getByText('This file is 6 MB; the limit is 5 MB.', { exact: false }).waitFor();

    // Checked first: the refusal explained, nothing saved.
    await fileInput.setInputFiles(hsdsFile);
    await tabTo(page, named('Check the file'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'What the file holds' }).waitFor();
    assert.equal((await deepFocus(page)).name, 'What the file holds', 'focus on the report');
    await page.getByText('2 services can be imported. 1 record would be refused.').waitFor();
    const refused = page.getByRole('table', { name: 'Records refused, and why' });
    const row = refused.getByRole('row', { name: /Moon Base Pantry/ });
    await row.getByText('Its latitude or longitude is not a real place', { exact: false }).waitFor();
    await row.getByText('moon-base-pantry').waitFor();
    assert.equal(await stored('riverside-food-bank'), undefined, 'a check saves nothing');
    assert.deepEqual(await axeViolations(page), [], 'the check’s report');

    await tabTo(page, named('Import the services'), { back: true });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'What was imported' }).waitFor();
    await page.getByText('2 services imported. 1 record refused.').waitFor();
    assert.equal((await stored('riverside-food-bank'))?.name, 'Riverside Food Bank');
    assert.equal((await stored('harehills-larder'))?.address, '12 Roundhay Road, Leeds');
    assert.equal(await stored('moon-base-pantry'), undefined);
    const imports = await e2e.db.selectFrom('audit_log').selectAll().where('action', '=', 'service.import').execute();
    assert.equal(imports.length, 1);
    assert.equal(imports[0]!.actor, 'clerk@council.example');
    assert.deepEqual(JSON.parse(imports[0]!.details), { imported: 2, skipped: 1 });
    assert.deepEqual(await axeViolations(page), [], 'the import’s report');
    assert.equal(await overflows(page), false, 'no sideways scrolling at 320 px');

    // The imported category renamed: an empty name refused first, then the focus back on its button.
    await tabTo(page, named('Rename “Food support”'), { back: true, max: 60 });
    await page.keyboard.press('Enter');
    assert.equal((await deepFocus(page)).name, 'New name for “Food support”');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('Give the category a name.').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'renaming a category, with a problem');
    await tabTo(page, named('New name for “Food support”'));
    await page.keyboard.type('Community food');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('The category is now called “Community food”.').waitFor();
    await page.getByRole('button', { name: 'Rename “Community food”' }).waitFor();
    assert.equal((await deepFocus(page)).name, 'Rename “Community food”', 'focus back on the category’s button');
    const category = await e2e.db
      .selectFrom('categories')
      .selectAll()
      .where('id', '=', 'food-support')
      .executeTakeFirst();
    assert.equal(category?.label, 'Community food');
    const renamed = await e2e.db.selectFrom('audit_log').selectAll().where('action', '=', 'category.put').execute();
    assert.deepEqual(
      renamed.map((entry) => [entry.actor, entry.target]),
      [['clerk@council.example', 'category:food-support']],
    );

    // Found by a word of its name, then edited.
    await page.getByLabel('Words in the name or description').fill('riverside');
    await page.getByLabel('Words in the name or description').press('Enter');
    await page.getByRole('status').getByText('1 service found').waitFor();
    await tabTo(page, named('Edit “Riverside Food Bank”'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Edit “Riverside Food Bank”' }).waitFor();
    assert.equal((await deepFocus(page)).name, 'Edit “Riverside Food Bank”', 'focus on the form');
    await page.getByLabel('Phone (optional)').fill('0113 496 0000');
    await page.getByLabel('Address', { exact: true }).fill('');
    await page.getByLabel('Opening times (optional)').fill('tu 10:00-14:00\nfr 10:00-16:00');
    await tabTo(page, named('Save the service'));
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: 'Give the address, up to 500 characters.' }).waitFor();
    assert.equal(await page.getByLabel('Phone (optional)').inputValue(), '0113 496 0000', 'what was typed stays');
    assert.deepEqual(await axeViolations(page), [], 'the edit form with a problem');
    await tabTo(page, named('Give the address, up to 500 characters.'));
    await page.keyboard.press('Enter');
    assert.equal((await deepFocus(page)).id, 'address', 'the summary leads to the field');
    await page.keyboard.type('5 Water Lane, Leeds');
    await tabTo(page, named('Save the service'));
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('“Riverside Food Bank” is saved.').waitFor();
    assert.equal((await deepFocus(page)).name, 'Edit “Riverside Food Bank”', 'focus back on the service’s button');

    const edited = await stored('riverside-food-bank');
    assert.equal(edited?.address, '5 Water Lane, Leeds');
    assert.equal(edited?.phone, '0113 496 0000');
    assert.deepEqual(JSON.parse(edited?.hours ?? 'null'), {
      timeZone: 'Europe/London',
      weekly: [
        { day: 'tu', opens: '10:00', closes: '14:00' },
        { day: 'fr', opens: '10:00', closes: '16:00' },
      ],
    });
    const update = await e2e.db
      .selectFrom('audit_log')
      .selectAll()
      .where('target', '=', 'service:riverside-food-bank')
      .executeTakeFirstOrThrow();
    assert.equal(update.action, 'service.update');
    assert.equal(update.actor, 'clerk@council.example');
    assert.equal(await overflows(page), false, 'no sideways scrolling at 320 px');
    // The one 401 is the console asking who is signed in before anyone is.
    assert.deepEqual(
      problems.filter((problem) => !problem.includes('status of 401')),
      [],
      'no script error and no policy violation',
    );
    await context.close();
  });

  it('a viewer finds services but is offered no edit, category change or import', async () => {
    const { context, page } = await newPage(e2e);
    await signIn(page, 'reader@council.example');
    await page.goto(`${e2e.apiUrl}/admin/#services`);
    await page.getByRole('heading', { name: 'Services', level: 1 }).waitFor();
    await page
      .getByRole('status')
      .getByText(/services found$/)
      .waitFor();
    await page.getByRole('heading', { name: 'Categories' }).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Edit “/ }).count(), 0);
    assert.equal(await page.getByRole('button', { name: /^Rename “/ }).count(), 0);
    assert.equal(await page.getByRole('heading', { name: 'Import services from an HSDS file' }).count(), 0);
    assert.deepEqual(await axeViolations(page), [], 'services page for a viewer');
    await context.close();
  });
});
