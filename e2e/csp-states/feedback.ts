// <civic-feedback> and <civic-rating> in every state, for csp-states.test.ts.
import assert from 'node:assert/strict';
import { strings as locationAr } from '@civic-widgets/widgets/feedback/i18n/location.ar';
import { strings as location } from '@civic-widgets/widgets/feedback/i18n/location.en';
import { strings as locationEs } from '@civic-widgets/widgets/feedback/i18n/location.es';
import { strings as locationFr } from '@civic-widgets/widgets/feedback/i18n/location.fr';
import { strings as locationZh } from '@civic-widgets/widgets/feedback/i18n/location.zh';
import { strings as reportStatus } from '@civic-widgets/widgets/report-status/i18n/en';
import { FeedbackDriver, RatingDriver } from '../drivers/feedback.js';
import {
  common as commonIn,
  feedback as feedbackIn,
  presets as presetsIn,
  rating as ratingIn,
} from '../drivers/strings.js';
import type { E2E } from '../support/e2e.js';
import { until } from '../support/until.js';
import { type CaseContext, json, type StateCase, switchLanguage, type WidgetStates } from './case.js';

const feedback = feedbackIn.en;
const rating = ratingIn.en;
const common = commonIn.en;
const driver = (d: CaseContext) => new FeedbackDriver(d.widget);

/** An Open311 service whose definition asks extra questions: one required choice, one text, one note. */
const OPEN311_DEFINITION = {
  service_code: 'web-feedback',
  attributes: [
    {
      variable: true,
      code: 'ward',
      datatype: 'singlevaluelist',
      required: true,
      description: 'Which ward do you live in?',
      order: 1,
      values: [
        { key: 'north', name: 'North ward' },
        { key: 'south', name: 'South ward' },
      ],
    },
    { variable: true, code: 'visit', datatype: 'string', required: false, description: 'Which office?', order: 2 },
    {
      variable: false,
      code: 'note',
      datatype: 'string',
      required: false,
      description: 'We answer within 5 days.',
      order: 3,
    },
  ],
};
const open311 = (e2e: E2E) =>
  `<civic-feedback adapter="open311" endpoint="${e2e.hostUrl}/open311" service-code="web-feedback" topic="bins"></civic-feedback>`;

/** The Open311 server, on the host's origin. */
async function setUp(e2e: E2E) {
  e2e.serve(
    '/open311/services.json',
    json([{ service_code: 'web-feedback', service_name: 'Feedback', metadata: true }]),
  );
  e2e.serve('/open311/services/web-feedback.json', json(OPEN311_DEFINITION));
  e2e.serve('/open311/requests.json', json([{ service_request_id: 'SR-1' }]));
  e2e.serve(
    '/open311/requests/SR-1.json',
    json([
      {
        service_request_id: 'SR-1',
        status: 'open',
        status_notes: 'The web team will correct the page this week.',
        agency_responsible: 'Digital services',
        service_code: 'web-feedback',
        requested_datetime: '2026-12-04T10:00:00Z',
        updated_datetime: '2026-12-05T09:00:00Z',
      },
    ]),
  );
}

export const feedbackStates: WidgetStates = {
  setUp,
  cases: [
    {
      widget: 'civic-feedback',
      state: 'loaded: the question and its choices',
      attrs: 'topic="bins"',
      async drive(d) {
        await d.open();
        await d.widget.getByText(feedback.questionThumbs).waitFor();
        await driver(d).rating.choice(rating.yes).waitFor();
        await driver(d).rating.choice(rating.no).waitFor();
      },
    },
    {
      widget: 'civic-feedback',
      state: 'invalid: sent without an answer',
      attrs: 'topic="bins"',
      async drive(d) {
        await d.open();
        await driver(d).send();
        await d.inState('user-invalid');
        await d.widget.locator('[part="error-summary"]').getByText(feedback.ratingRequired).waitFor();
      },
    },
    {
      widget: 'civic-feedback',
      state: 'submitting',
      attrs: 'topic="bins"',
      async drive(d) {
        const release = await d.hold(/\/feedback$/, 'POST');
        await d.open();
        await driver(d).rate(rating.yes);
        await d.inState('submitting');
        release();
        await d.inState('submitted');
      },
    },
    {
      widget: 'civic-feedback',
      state: 'follow-up after a "no": reasons and comment with its character count',
      attrs: 'topic="bins"',
      async drive(d) {
        await d.open();
        await driver(d).rate(rating.no);
        await driver(d).recorded.waitFor();
        await d.widget.getByRole('group', { name: feedback.followUpNegative }).waitFor();
        await driver(d).fillFollowUp({ reasons: [feedback.reasonBroken] });
        await d.widget.getByText('2,000 characters left').waitFor();
        await driver(d).fillFollowUp({ comment: 'The form would not send.' });
        await d.widget.getByText('1,976 characters left').waitFor();
      },
    },
    {
      widget: 'civic-feedback',
      state: 'follow-up after a "yes"',
      attrs: 'topic="bins"',
      async drive(d) {
        await d.open();
        await driver(d).rate(rating.yes);
        await d.widget.getByText(feedback.followUpPositive).waitFor();
        assert.equal(await d.widget.getByLabel(feedback.reasonBroken).count(), 0);
      },
    },
    {
      widget: 'civic-feedback',
      state: 'thank-you after the follow-up',
      attrs: 'topic="bins"',
      async drive(d) {
        await d.open();
        await driver(d).rate(rating.no);
        await driver(d).followUp({ reasons: [feedback.reasonUnclear] });
        await driver(d).thanked.waitFor();
        await d.widget.getByText(feedback.thanksText).waitFor();
      },
    },
    {
      widget: 'civic-feedback',
      state: 'stars, smileys and 0-10 scales',
      body: (e2e) =>
        ['stars', 'smileys', 'nps']
          .map(
            (scale) =>
              `<civic-feedback id="${scale}" endpoint="${e2e.endpoint}" topic="bins" scale="${scale}"></civic-feedback>`,
          )
          .join(''),
      async drive(d) {
        await d.open();
        const [stars, smileys, nps] = ['#stars', '#smileys', '#nps'].map(
          (id) => new FeedbackDriver(d.page.locator(id)),
        );
        await stars!.rating.choice('5 out of 5 stars').waitFor();
        await smileys!.rating.choice(rating.csat5).waitFor();
        await nps!.rate('10 out of 10');
        await nps!.widget.getByText(feedback.followUpPositive).waitFor();
      },
    },
    {
      widget: 'civic-feedback',
      state: 'a standard questionnaire item (preset)',
      attrs: 'topic="bins" preset="a11-trust"',
      chunks: ['presets'],
      async drive(d) {
        await d.open();
        await d.widget.getByText(presetsIn.en.a11Trust).waitFor();
        await d.widget.getByText(presetsIn.en.agreeHint).waitFor();
      },
    },
    {
      widget: 'civic-feedback',
      state: 'behind a button, in a dialog',
      attrs: 'topic="bins" mode="button"',
      async drive(d) {
        await d.open();
        await driver(d).open();
        const dialog = new FeedbackDriver(d.widget.getByRole('dialog'));
        await dialog.rate(rating.yes);
        await dialog.recorded.waitFor();
      },
    },
    {
      widget: 'civic-feedback',
      state: 'offline: the answer waits in the outbox, then is sent',
      attrs: 'topic="bins"',
      async drive(d) {
        await d.open();
        await driver(d).rating.choice(rating.yes).waitFor();
        await d.context.setOffline(true);
        await driver(d).rate(rating.yes);
        await driver(d).thanked.waitFor();
        await d.widget.getByText(common.queued).first().waitFor();
        await d.context.setOffline(false);
        await driver(d).recorded.waitFor();
        await d.widget.getByText(common.deliveredLater).waitFor();
      },
    },
    {
      widget: 'civic-feedback',
      state: 'refused by the server (403)',
      attrs: 'topic="bins"',
      async drive(d) {
        await d.refuse(/\/feedback$/, 403, 'POST');
        await d.open();
        await driver(d).rate(rating.yes);
        await d.widget.getByText(common.errorServer).waitFor();
      },
    },
    {
      widget: 'civic-feedback',
      state: "Open311: the backend's extra questions, loaded on demand",
      body: open311,
      chunks: ['open311', 'extra-fields'],
      async drive(d) {
        await d.open();
        await driver(d).rate(rating.no);
        await d.widget.getByText(feedback.fieldsIntro).waitFor();
        await d.widget.getByLabel('Which ward do you live in? (required)').waitFor();
        await d.widget.getByLabel('Which office?').waitFor();
        await d.widget.getByText('We answer within 5 days.').waitFor();
      },
    },
    {
      widget: 'civic-feedback',
      state: 'Open311: a required extra question left unanswered',
      body: open311,
      chunks: ['open311', 'extra-fields'],
      async drive(d) {
        await d.open();
        await driver(d).rate(rating.no);
        await driver(d).send();
        await d.inState('user-invalid');
        await d.widget.locator('[part="error-summary"]').getByText('Answer “Which ward do you live in?”').waitFor();
      },
    },
    {
      widget: 'civic-feedback',
      state: 'Open311: sent with the extra answers',
      body: open311,
      chunks: ['open311', 'extra-fields'],
      async drive(d) {
        await d.open();
        await driver(d).rate(rating.no);
        await driver(d).fillFollowUp({ choices: { 'Which ward do you live in? (required)': 'south' } });
        const sent = d.page.waitForRequest((r) => r.url().endsWith('/open311/requests.json') && r.method() === 'POST');
        await driver(d).send();
        await driver(d).thanked.waitFor();
        const form = new URLSearchParams((await sent).postData() ?? '');
        assert.equal(form.get('attribute[ward]'), 'south');
        assert.equal(form.get('attribute[rating]'), '0');
      },
    },
    {
      widget: 'civic-feedback',
      state: "Open311: the report's reference and status, kept on this device and shown on a later visit",
      body: open311,
      // The file of every widget: there the kept reports' module is a chunk of its own, shared with the status.
      script: 'civic-widgets.js',
      chunks: ['open311', 'keep', 'remembered', 'report-follow'],
      async drive(d) {
        await d.open();
        // This service asks a required question with every report: answered, then sent.
        await driver(d).rate(rating.yes);
        await driver(d).fillFollowUp({ choices: { 'Which ward do you live in? (required)': 'north' } });
        await driver(d).send();
        await d.widget.getByText('Report SR-1').waitFor();
        await d.widget.getByText('Handled by Digital services').waitFor();
        await d.widget.getByRole('checkbox', { name: reportStatus.keep }).check();
        await d.page.reload();
        await d.widget.getByText('Report SR-1').waitFor();
        assert.equal(await d.widget.getByRole('checkbox', { name: reportStatus.keep }).isChecked(), true);
      },
    },
    {
      widget: 'civic-feedback',
      state: 'Open311 location="ask": where is the problem, in every language',
      body: (e2e) => open311(e2e).replace('topic="bins"', 'topic="bins" location="ask"'),
      chunks: ['open311', 'extra-fields'],
      async drive(d) {
        await d.open();
        await driver(d).rate(rating.no);
        await d.widget.getByRole('group', { name: location.legend }).waitFor();
        await d.widget.getByRole('button', { name: location.use }).waitFor();
        const legends = { en: location, fr: locationFr, es: locationEs, ar: locationAr, zh: locationZh };
        await switchLanguage(d, (locale) => legends[locale].legend);
      },
    },
    {
      widget: 'civic-report-status',
      state: 'one report, anywhere on the site',
      script: 'civic-report-status.js',
      body: (e2e) =>
        `<civic-report-status adapter="open311" endpoint="${e2e.hostUrl}/open311" reference="SR-1"></civic-report-status>`,
      async drive(d) {
        await d.open();
        await d.widget.getByText(reportStatus.open).waitFor();
        await d.widget.getByText('The web team will correct the page this week.').waitFor();
      },
    },
    {
      widget: 'civic-feedback',
      state: 'language switch: fr, es, ar, zh (with a preset)',
      attrs: 'topic="bins" preset="a11-satisfaction"',
      chunks: ['presets'],
      async drive(d) {
        await d.open();
        await d.widget.getByText(presetsIn.en.a11Satisfaction).waitFor();
        await switchLanguage(d, (locale) => presetsIn[locale].a11Satisfaction);
        // The rating inside follows: its own catalog, in the last language.
        await d.widget.getByRole('radio').last().click();
        await d.widget.getByText(feedbackIn.zh.recorded).waitFor();
      },
    },

    ...(
      [
        ['thumbs', [rating.yes, rating.no], ['1', '0']],
        ['stars', [1, 2, 3, 4, 5].map((v) => `${v} out of 5 stars`), ['1', '2', '3', '4', '5']],
        ['smileys', [rating.csat1, rating.csat2, rating.csat3, rating.csat4, rating.csat5], ['1', '2', '3', '4', '5']],
        ['nps', [...Array(11).keys()].map((v) => `${v} out of 10`), [...Array(11).keys()].map(String)],
      ] as const
    ).map(
      ([scale, names, values]): StateCase => ({
        widget: 'civic-rating',
        state: `${scale}: every value chosen in turn`,
        body: () =>
          `<form id="own"><civic-rating scale="${scale}" name="answer" label="Your answer"></civic-rating></form>`,
        async drive(d) {
          await d.open();
          assert.deepEqual(
            await d.widget.getByRole('radio').evaluateAll((radios) => radios.map((r) => r.getAttribute('aria-label'))),
            names,
          );
          for (const [index, name] of names.entries()) {
            await new RatingDriver(d.widget).choose(name);
            assert.equal(await new RatingDriver(d.widget).choice(name).getAttribute('aria-checked'), 'true');
            const value = await d.page.evaluate(() => new FormData(document.querySelector('form')!).get('answer'));
            assert.equal(value, values[index]);
          }
          await d.inState('user-valid');
        },
      }),
    ),
    {
      widget: 'civic-rating',
      state: 'required and empty: invalid, then valid',
      body: () =>
        '<form id="own"><civic-rating scale="stars" name="answer" label="Your answer" required></civic-rating></form>',
      async drive(d) {
        await d.open();
        await d.widget.getByRole('radio').first().waitFor();
        assert.equal(await d.page.evaluate(() => document.querySelector('form')!.checkValidity()), false);
        await d.inState('user-invalid');
        await new RatingDriver(d.widget).choose('3 out of 5 stars');
        await d.inState('user-valid');
      },
    },
    {
      widget: 'civic-rating',
      state: 'disabled by its fieldset',
      body: () =>
        '<form><fieldset disabled><civic-rating scale="thumbs" name="answer" label="Your answer"></civic-rating></fieldset></form>',
      async drive(d) {
        await d.open();
        await driver(d).rating.choice(rating.yes).waitFor();
        const yes = new RatingDriver(d.widget).choice(rating.yes);
        await until('the choices to be disabled', async () => (await yes.getAttribute('aria-disabled')) === 'true');
      },
    },
    {
      widget: 'civic-rating',
      state: 'language switch: fr, es, ar, zh',
      body: () => '<civic-rating scale="thumbs" name="answer" label="Useful?"></civic-rating>',
      async drive(d) {
        await d.open();
        await driver(d).rating.choice(rating.yes).waitFor();
        await switchLanguage(d, (locale) => ratingIn[locale].yes);
      },
    },
  ],
};
