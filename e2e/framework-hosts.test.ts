// The widgets inside apps that frameworks own (e2e/hosts/): each app is built by its framework's own tool from the
// npm packages and does the same things, so one scenario checks them all: a resident signs, votes and rates; a
// property the framework sets (`strings` on the petition, `client` on the feedback widget, which has no endpoint)
// takes effect; the app sees `civic-success`; re-rendering the app does not reset a half-filled form.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FeedbackDriver } from './drivers/feedback.js';
import { PetitionDriver, signer } from './drivers/petition.js';
import { PollDriver } from './drivers/poll.js';
import { newPage } from './support/browser.js';
import { type E2E, startE2E } from './support/e2e.js';
import { buildHostApp, serveDirectory } from './support/framework-host.js';

/** Each app and the directory its framework's build writes. */
const HOSTS: { name: string; label: string; outDir?: string }[] = [
  { name: 'react19', label: 'React 19' },
  { name: 'react18', label: 'React 18' },
  { name: 'vue', label: 'Vue 3' },
  { name: 'angular', label: 'Angular', outDir: 'dist/browser' },
];

describe('the widgets in framework apps, against the real server', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
    for (const host of HOSTS) serveDirectory(e2e, host.name, buildHostApp(host.name, host.outDir));
  });
  after(() => e2e?.close());

  for (const host of HOSTS) {
    it(`${host.label}: signs, votes and rates; properties and events work; a re-render keeps a half-filled form`, async () => {
      const { context, page, problems } = await newPage(e2e);
      await page.goto(`${e2e.hostUrl}/${host.name}/index.html?endpoint=${encodeURIComponent(e2e.endpoint)}`);
      await page.getByRole('heading', { name: `Council portal (${host.label})` }).waitFor();

      // The app's own `strings` renamed the petition's button: the property reached the element.
      const petition = new PetitionDriver(page.locator('civic-petition'));
      await petition.ready.waitFor();
      const email = `${host.name}@example.org`;
      const resident = signer(email);
      await petition.widget.getByLabel(petition.t.nameLabel).fill(resident.name);
      await petition.widget.getByLabel(petition.t.emailLabel).fill(resident.email);

      await page.getByRole('button', { name: 'Render the page again' }).click();
      await page.getByText('Rendered 2 times').waitFor();
      assert.equal(await petition.widget.getByLabel(petition.t.nameLabel).inputValue(), resident.name);
      assert.equal(await petition.widget.getByLabel(petition.t.emailLabel).inputValue(), resident.email);

      await petition.fill(resident);
      await petition.widget.getByRole('button', { name: 'Add my name' }).click();
      await petition.thanked.waitFor();

      const poll = new PollDriver(page.locator('civic-poll'));
      await poll.ready.waitFor();
      await poll.vote('Mill Meadows');
      await poll.voted.waitFor();

      // No endpoint attribute: the rating reaches the server only through the client the app set.
      const feedback = new FeedbackDriver(page.locator('civic-feedback'));
      await feedback.ready.waitFor();
      await feedback.rateAndWait('Yes');

      const seen = page.getByRole('list', { name: 'Events the app saw' });
      for (const line of ['petition: civic-success', 'poll: civic-success', 'feedback: civic-success']) {
        await seen.getByText(line).waitFor();
      }
      const stored = await e2e.db
        .selectFrom('signatures')
        .select('status')
        .where('petition_id', '=', 'safer-crossings')
        .where('email_key', '=', email)
        .execute();
      assert.equal(stored.length, 1, 'one signature stored');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
