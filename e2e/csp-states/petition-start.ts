// <civic-petition-start> in its states, for csp-states.test.ts: the start form in every language, similar
// petitions offered, errors, sent with the sponsor link, a proposal's sponsor view and a support sent.
import assert from 'node:assert/strict';
import { strings as petitionStartIn } from '@civic-widgets/widgets/petition-start/i18n/en';
import { PetitionStartDriver } from '../drivers/petition-start.js';
import type { E2E } from '../support/e2e.js';
import type { CaseContext, WidgetStates } from './case.js';

const t = petitionStartIn;
const driver = (d: CaseContext) => new PetitionStartDriver(d.widget);
let people = 0;
/** A new resident each time: one proposal or support per email. */
const person = () => ({
  name: 'Ada Lovelace',
  email: `csp-start-${++people}-${Date.now()}@example.org`,
  postcode: 'LS1 3AB',
});

/** A proposal gathering supporters: made, then confirmed by the link in the mail the server queued. */
let gatheringId = '';
async function setUp(e2e: E2E) {
  const made = await e2e.api.inject({
    method: 'POST',
    url: '/api/v1/petition-proposals',
    headers: { 'content-type': 'application/json', 'idempotency-key': 'csp-start-proposal-1' },
    payload: JSON.stringify({
      title: 'Plant street trees along Mill Lane',
      background: 'Mill Lane has no shade in summer.',
      name: 'Amina Khan',
      email: 'csp-start-creator@example.org',
      postcode: 'LS1 3AB',
      consent: true,
    }),
  });
  assert.equal(made.statusCode, 201, made.body);
  gatheringId = (made.json() as { id: string }).id;
  const mail = await e2e.db
    .selectFrom('outbox')
    .select('text')
    .where('to_address', '=', 'csp-start-creator@example.org')
    .executeTakeFirstOrThrow();
  const link = /\/api\/v1\/confirmations\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
  assert.ok(link, mail.text);
  const confirmed = await e2e.api.inject({
    method: 'POST',
    url: link,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: '',
  });
  assert.equal(confirmed.statusCode, 200, confirmed.body);
}

const sponsorView = (e2e: E2E) =>
  `<civic-petition-start endpoint="${e2e.endpoint}" proposal-id="${gatheringId}"></civic-petition-start>`;

export const petitionStartStates: WidgetStates = {
  setUp,
  cases: [
    {
      widget: 'civic-petition-start',
      state: 'start form, in every language',
      attrs: 'privacy-url="https://example.gov/privacy"',
      async drive(d) {
        await d.open();
        await driver(d).title.waitFor();
        const base = d.widget.locator('[part="base"]').first();
        for (const locale of ['fr', 'es', 'ar', 'zh']) {
          await d.widget.evaluate((el, lang) => el.setAttribute('lang', lang), locale);
          await d.widget.locator(`[part="base"][lang="${locale}"]`).waitFor();
        }
        assert.equal(await base.getAttribute('lang'), 'zh');
      },
    },
    {
      widget: 'civic-petition-start',
      state: 'similar petitions offered',
      async drive(d) {
        await d.open();
        await driver(d).title.fill('Safer crossings near Station Road');
        await driver(d)
          .similar.getByText(/Build safe crossings on Station Road/)
          .waitFor();
      },
    },
    {
      widget: 'civic-petition-start',
      state: 'user-invalid',
      async drive(d) {
        await d.open();
        await d.widget.getByRole('button', { name: t.submit }).click();
        await d.inState('user-invalid');
      },
    },
    {
      widget: 'civic-petition-start',
      state: 'submitted: the sponsor link',
      async drive(d) {
        await d.open();
        const start = driver(d);
        await start.title.waitFor();
        await start.start({ title: 'Light the canal path at night', background: 'It is dark by five.' }, person());
        await d.inState('submitted');
        await start.sponsorLink.waitFor();
      },
    },
    {
      widget: 'civic-petition-start',
      state: 'sponsor view, support submitted',
      body: sponsorView,
      async drive(d) {
        await d.open();
        const view = driver(d);
        await view.supportHeading.waitFor();
        await view.support(person());
        await view.supported.waitFor();
      },
    },
    {
      widget: 'civic-petition-start',
      state: 'proposal not found',
      attrs: 'proposal-id="no-such-proposal"',
      async drive(d) {
        await d.open();
        await d.widget.getByText(t.notFound).waitFor();
      },
    },
  ],
};
