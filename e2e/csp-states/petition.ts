// <civic-petition> and <civic-petition-counter> in every state, for csp-states.test.ts.
import assert from 'node:assert/strict';
import { PetitionCounterDriver, PetitionDriver, signer } from '../drivers/petition.js';
import { common as commonIn, petition as petitionIn, pluralPattern } from '../drivers/strings.js';
import type { E2E } from '../support/e2e.js';
import { assertCreated, type CaseContext, switchLanguage, type WidgetStates } from './case.js';

const petition = petitionIn.en;
const common = commonIn.en;

let emails = 0;
/** A new resident for each signature. */
const nextSigner = () => signer(`csp-${++emails}-${Date.now()}@example.org`);
const driver = (d: CaseContext) => new PetitionDriver(d.widget);
const counter = (d: CaseContext) => new PetitionCounterDriver(d.widget);

/** Petitions in the states the seed has none in: closed, answered by the council, asking for confirmation. */
async function setUp(e2e: E2E) {
  const base = {
    summary: 'A petition made for this suite.',
    thresholds: [{ count: 100, label: 'The council responds' }],
    signerFields: ['postcode'],
    privacyNoticeUrl: 'https://example.gov/privacy/petitions',
  };
  const petitions = [
    { id: 'csp-closed', title: 'Resurface Mill Lane', status: 'closed' },
    { id: 'csp-closing', title: 'Plant trees on Park Street' },
    { id: 'csp-answered', title: 'Light the canal path' },
    { id: 'csp-confirm', title: 'Open the pool on Sundays', requiresConfirmation: true },
  ];
  for (const petition of petitions) assertCreated(await e2e.admin('POST', '/petitions', { ...base, ...petition }));
  const response = await e2e.admin('PUT', '/petitions/csp-answered/response', {
    summary: 'We will resurface the lane in the spring.',
    body: 'The works are funded from the highways budget.',
  });
  assert.equal(response.status, 200, response.body);
}

export const petitionStates: WidgetStates = {
  setUp,
  cases: [
    {
      widget: 'civic-petition',
      state: 'loading',
      attrs: 'petition-id="safer-crossings"',
      async drive(d) {
        const release = await d.hold(/\/petitions\/safer-crossings$/);
        await d.open();
        await d.widget.getByRole('status').getByText(petition.loading).waitFor();
        release();
        await d.widget.getByRole('heading', { name: 'Build safe crossings on Station Road' }).waitFor();
      },
    },
    {
      widget: 'civic-petition',
      state: 'loaded, with progress toward the next milestone',
      attrs: 'petition-id="safer-crossings"',
      async drive(d) {
        await d.open();
        await d.widget.getByRole('heading', { name: 'Build safe crossings on Station Road' }).waitFor();
        await d.widget.getByRole('progressbar').waitFor();
        await d.widget.getByText(/of 10,000 needed: The council responds/).waitFor();
        await driver(d).submitButton.waitFor();
      },
    },
    {
      widget: 'civic-petition',
      state: 'invalid: inline errors and the error summary',
      attrs: 'petition-id="safer-crossings"',
      async drive(d) {
        await d.open();
        await driver(d).submit();
        await d.inState('user-invalid');
        await d.widget.locator('[part="error-summary"]').getByText(common.errorSummaryTitle).waitFor();
        await d.widget.getByText(petition.consentRequired).first().waitFor();
      },
    },
    {
      widget: 'civic-petition',
      state: 'submitting',
      attrs: 'petition-id="safer-crossings"',
      async drive(d) {
        const release = await d.hold(/\/signatures$/, 'POST');
        await d.open();
        await driver(d).sign(nextSigner());
        await d.inState('submitting');
        release();
        await d.inState('submitted');
      },
    },
    {
      widget: 'civic-petition',
      state: 'signed: thank-you and sharing',
      attrs: 'petition-id="safer-crossings"',
      async drive(d) {
        await d.open();
        await driver(d).sign(nextSigner());
        await driver(d).thanked.waitFor();
        await d.widget.getByText(petition.successCounted).waitFor();
        await d.widget.getByRole('button', { name: petition.copyLink }).waitFor();
        await d.inState('submitted');
      },
    },
    {
      widget: 'civic-petition',
      state: 'signed, waiting for the email confirmation',
      attrs: 'petition-id="csp-confirm"',
      async drive(d) {
        await d.open();
        await driver(d).sign(nextSigner());
        await d.widget.getByText(petition.successPending).waitFor();
      },
    },
    {
      widget: 'civic-petition',
      state: 'closed',
      attrs: 'petition-id="csp-closed"',
      async drive(d) {
        await d.open();
        await d.widget.getByText(petition.closedMessage).waitFor();
        await d.widget.getByText(petition.statusClosed, { exact: true }).waitFor();
        assert.equal(await driver(d).submitButton.count(), 0);
      },
    },
    {
      widget: 'civic-petition',
      state: 'closed while the resident was signing (409)',
      attrs: 'petition-id="csp-closing"',
      async drive(d) {
        await d.open();
        await driver(d).fill(nextSigner());
        assert.equal((await d.e2e.admin('PATCH', '/petitions/csp-closing', { status: 'closed' })).status, 200);
        const refused = d.page.waitForResponse((r) => r.url().endsWith('/signatures') && r.status() === 409);
        await driver(d).submit();
        await refused;
        // The widget reads the petition again: the form gives way to the closed notice.
        await d.widget.getByText(petition.closedMessage).waitFor();
      },
    },
    {
      widget: 'civic-petition',
      state: 'responded: the government response',
      attrs: 'petition-id="csp-answered"',
      async drive(d) {
        await d.open();
        await d.widget.getByRole('heading', { name: petition.responseHeading }).waitFor();
        await d.widget.getByText('We will resurface the lane in the spring.').waitFor();
        await driver(d).readResponse();
        await d.widget.getByText('The works are funded from the highways budget.').waitFor();
      },
    },
    {
      widget: 'civic-petition',
      state: 'every milestone reached',
      attrs: 'petition-id="library-hours"',
      async drive(d) {
        await d.open();
        await d.widget.getByText(petition.allThresholdsReached).waitFor();
        await d.widget.getByText(petition.statusResponded, { exact: true }).waitFor();
      },
    },
    {
      widget: 'civic-petition',
      state: 'offline: the signature waits in the outbox, then is sent',
      attrs: 'petition-id="safer-crossings"',
      async drive(d) {
        await d.open();
        await driver(d).fill(nextSigner());
        await d.context.setOffline(true);
        await driver(d).submit();
        await driver(d).queued.waitFor();
        await d.widget.getByText(common.queued).first().waitFor();
        await d.inState('submitted');
        await d.context.setOffline(false);
        await driver(d).thanked.waitFor();
        await d.widget.getByRole('status').getByText(common.deliveredLater).waitFor();
      },
    },
    {
      widget: 'civic-petition',
      state: 'refused by the server (403): an error, the input kept',
      attrs: 'petition-id="safer-crossings"',
      async drive(d) {
        await d.refuse(/\/signatures$/, 403, 'POST');
        await d.open();
        const resident = nextSigner();
        await driver(d).sign(resident);
        await d.widget.getByText(common.errorServer).waitFor();
        await driver(d).assertKept(resident);
      },
    },
    {
      widget: 'civic-petition',
      state: 'not found (404)',
      attrs: 'petition-id="no-such-petition"',
      async drive(d) {
        await d.open();
        await d.widget.getByRole('alert').getByText(petition.notFound).waitFor();
      },
    },
    {
      widget: 'civic-petition',
      state: 'load fails (503), then loads on "Try again"',
      attrs: 'petition-id="safer-crossings"',
      async drive(d) {
        await d.refuse(/\/petitions\/safer-crossings$/, 503);
        await d.open();
        await d.widget.getByRole('alert').getByText(common.errorServer).waitFor();
        await d.page.unrouteAll();
        await driver(d).tryAgain();
        await d.widget.getByRole('heading', { name: 'Build safe crossings on Station Road' }).waitFor();
      },
    },
    {
      widget: 'civic-petition',
      state: 'in-memory demo data (the memory adapter)',
      body: () => '<civic-petition adapter="memory" petition-id="safer-crossings"></civic-petition>',
      chunks: ['memory'],
      async drive(d) {
        await d.open();
        await d.widget.getByRole('heading', { name: 'Build safe crossings on Station Road' }).waitFor();
      },
    },
    {
      widget: 'civic-petition',
      state: 'language switch: fr, es, ar, zh',
      attrs: 'petition-id="safer-crossings"',
      async drive(d) {
        await d.open();
        await d.widget.getByRole('heading', { name: petition.signHeading }).waitFor();
        await switchLanguage(d, (locale) => petitionIn[locale].signHeading);
        // The common catalog too: the error summary's title, in the last language.
        await new PetitionDriver(d.widget, 'zh').submit();
        await d.widget.getByText(commonIn.zh.errorSummaryTitle).waitFor();
      },
    },

    {
      widget: 'civic-petition-counter',
      state: 'loading',
      attrs: 'petition-id="safer-crossings"',
      async drive(d) {
        const release = await d.hold(/\/petitions\/safer-crossings$/);
        await d.open();
        await d.widget.getByRole('status').getByText(petition.loading).waitFor();
        release();
        await counter(d).ready.waitFor();
      },
    },
    {
      widget: 'civic-petition-counter',
      state: 'loaded, with progress',
      attrs: 'petition-id="safer-crossings"',
      async drive(d) {
        await d.open();
        await counter(d).ready.waitFor();
        await d.widget.getByRole('progressbar').waitFor();
      },
    },
    {
      widget: 'civic-petition-counter',
      state: 'every milestone reached',
      attrs: 'petition-id="library-hours"',
      async drive(d) {
        await d.open();
        await d.widget.getByText(petition.allThresholdsReached).waitFor();
        assert.equal(await d.widget.getByRole('progressbar').count(), 0);
      },
    },
    {
      widget: 'civic-petition-counter',
      state: 'not found (404)',
      attrs: 'petition-id="no-such-petition"',
      async drive(d) {
        await d.open();
        await d.widget.getByRole('alert').getByText(common.errorServer).waitFor();
      },
    },
    {
      widget: 'civic-petition-counter',
      state: 'language switch: fr, es, ar, zh',
      attrs: 'petition-id="safer-crossings"',
      async drive(d) {
        await d.open();
        await counter(d).ready.waitFor();
        await switchLanguage(d, (locale) => pluralPattern(petitionIn[locale].signatures));
      },
    },
  ],
};
