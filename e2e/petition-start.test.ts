// Issue 17 end to end: a resident on a host page starts a petition, confirms it from the mail, shares the sponsor
// link; five sponsors open it, support it and confirm from their mails; an officer publishes it through the admin
// API; and <civic-petition> on the host page shows it open for signatures. The built CDN files, the real server on
// another origin, Chromium. The mails are read from the server's mail outbox (the table its relay sends from).
// Run: npx rollup -c --silent && node --conditions=development --import tsx --test e2e/petition-start.test.ts
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { PetitionDriver } from './drivers/petition.js';
import { type Person, PetitionStartDriver } from './drivers/petition-start.js';
import { newPage } from './support/browser.js';
import { type E2E, startE2E } from './support/e2e.js';
import { hostPage } from './support/host.js';
import { until } from './support/until.js';

describe('a resident starts a petition on a host page, and it opens for signatures', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(() => e2e?.close());

  /** The council's page: the start widget, and the petition once there is one to show. */
  const servePage = (petitionId?: string) =>
    e2e.serve(
      '/start.html',
      hostPage({
        title: 'Start a petition',
        scripts: [`${e2e.apiUrl}/cdn/civic-petition-start.js`, `${e2e.apiUrl}/cdn/civic-petition.js`],
        body: `<civic-petition-start endpoint="${e2e.endpoint}" privacy-url="https://example.gov/privacy"></civic-petition-start>
          ${petitionId ? `<civic-petition endpoint="${e2e.endpoint}" petition-id="${petitionId}"></civic-petition>` : ''}`,
      }),
    );

  /** The confirmation link of the last mail to `to`, on this server. */
  async function mailedLink(to: string) {
    let link: string | undefined;
    await until(`a mail to ${to}`, async () => {
      const mails = await e2e.db.selectFrom('outbox').select('text').where('to_address', '=', to).execute();
      link = /\/api\/v1\/confirmations\/[A-Za-z0-9_-]+\?lang=\w+/.exec(mails.at(-1)?.text ?? '')?.[0];
      return Boolean(link);
    });
    return `${e2e.apiUrl}${link}`;
  }

  /** Opens the mailed link in a browser and presses its button, as the mail says. */
  async function confirmFromMail(browser: Browser, to: string, button: string) {
    const { page, context } = await newPage({ browser });
    await page.goto(await mailedLink(to));
    await page.getByRole('button', { name: button }).click();
    await page.getByRole('heading').first().waitFor();
    await context.close();
  }

  it('starts, confirms, gathers five sponsors, is published and shows open on the host page', async () => {
    servePage();
    const creator: Person = { name: 'Amina Khan', email: 'amina.e2e@example.org', postcode: 'LS1 3AB' };
    const { page, problems } = await newPage(e2e);
    await page.goto(`${e2e.hostUrl}/start.html`);
    const start = new PetitionStartDriver(page.locator('civic-petition-start'));

    // The backend's full-text search offers the open petition about crossings; the resident goes on with theirs.
    await start.title.fill('Safer crossings near Station Road');
    await start.similar.getByText(/Build safe crossings on Station Road/).waitFor();
    await start.start(
      {
        title: 'Plant street trees along Mill Lane',
        background: 'Mill Lane has no shade in summer and the pavements are too hot for children.',
      },
      creator,
    );
    await start.sent.waitFor();
    assert.ok(await start.widget.getByText(start.t.checkEmail).isVisible());
    const link = await start.sponsorLink.inputValue();
    const url = new URL(link);
    assert.equal(`${url.origin}${url.pathname}`, `${e2e.hostUrl}/start.html`);
    const id = url.searchParams.get('civic-proposal')!;
    const stored = await e2e.db.selectFrom('petition_proposals').selectAll().where('id', '=', id).executeTakeFirst();
    assert.equal(stored?.title, 'Plant street trees along Mill Lane');
    assert.equal(stored?.status, 'unconfirmed');

    await confirmFromMail(e2e.browser, creator.email, 'Confirm my petition');
    assert.equal((await e2e.get<{ status: string }>(`/petition-proposals/${id}`)).status, 'gathering');

    for (let n = 1; n <= 5; n++) {
      const sponsor: Person = { name: `Sponsor ${n}`, email: `sponsor${n}.e2e@example.org`, postcode: 'LS2 7EW' };
      const visit = await newPage(e2e);
      await visit.page.goto(link);
      const view = new PetitionStartDriver(visit.page.locator('civic-petition-start'));
      await view.supportHeading.waitFor();
      assert.ok(await view.widget.getByText(`${n - 1} of 5 supporters`).isVisible());
      await view.support(sponsor);
      await view.supported.waitFor();
      assert.deepEqual(visit.problems, []);
      await visit.context.close();
      await confirmFromMail(e2e.browser, sponsor.email, 'Confirm my support');
    }
    assert.equal((await e2e.get<{ status: string }>(`/petition-proposals/${id}`)).status, 'moderation');

    const published = await e2e.admin('POST', `/petition-proposals/${id}/publish`, {
      privacyNoticeUrl: 'https://example.gov/privacy',
    });
    assert.equal(published.status, 200, published.body);
    const { petitionId } = await e2e.get<{ petitionId: string }>(`/petition-proposals/${id}`);
    assert.ok(petitionId);

    // The council's page now shows the petition, open for signatures; its sponsor link says it was published.
    servePage(petitionId);
    await page.goto(`${e2e.hostUrl}/start.html`);
    const petition = new PetitionDriver(page.locator('civic-petition'));
    await petition.ready.waitFor();
    await petition.widget.getByRole('heading', { name: 'Plant street trees along Mill Lane' }).waitFor();
    assert.ok(await petition.widget.getByText(petition.t.statusOpen).isVisible());
    await page.goto(link);
    await start.widget.getByText(start.t.statusPublished).waitFor();
    assert.deepEqual(problems, []);
  });
});
