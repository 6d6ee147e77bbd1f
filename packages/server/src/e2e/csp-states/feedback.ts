// <civic-feedback> and <civic-rating> in every state, for csp-states.test.ts.
import assert from 'node:assert/strict';
import type { FeedbackStrings } from '../../../../widgets/src/feedback/feedback.strings.js';
import type { PresetStrings } from '../../../../widgets/src/feedback/presets.js';
import type { RatingStrings } from '../../../../widgets/src/rating/rating.strings.js';
import { type E2E, until } from '../support.js';
import { common as commonIn, json, type StateCase, switchLanguage, translations, type WidgetStates } from './driver.js';

const feedbackIn = await translations<FeedbackStrings>('feedback/i18n/{locale}');
const presetsIn = await translations<PresetStrings>('feedback/i18n/presets.{locale}');
const ratingIn = await translations<RatingStrings>('rating/i18n/{locale}');
const feedback = feedbackIn.en;
const rating = ratingIn.en;
const common = commonIn.en;

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
        await d.widget.getByRole('radio', { name: rating.yes }).waitFor();
        await d.widget.getByRole('radio', { name: rating.no }).waitFor();
      },
    },
    {
      widget: 'civic-feedback',
      state: 'invalid: sent without an answer',
      attrs: 'topic="bins"',
      async drive(d) {
        await d.open();
        await d.widget.getByRole('button', { name: feedback.send }).click();
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
        await d.widget.getByRole('radio', { name: rating.yes }).click();
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
        await d.widget.getByRole('radio', { name: rating.no }).click();
        await d.widget.getByText(feedback.recorded).waitFor();
        await d.widget.getByRole('group', { name: feedback.followUpNegative }).waitFor();
        await d.widget.getByLabel(feedback.reasonBroken).check();
        await d.widget.getByText('2,000 characters left').waitFor();
        await d.widget.getByLabel(feedback.commentLabel).fill('The form would not send.');
        await d.widget.getByText('1,976 characters left').waitFor();
      },
    },
    {
      widget: 'civic-feedback',
      state: 'follow-up after a "yes"',
      attrs: 'topic="bins"',
      async drive(d) {
        await d.open();
        await d.widget.getByRole('radio', { name: rating.yes }).click();
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
        await d.widget.getByRole('radio', { name: rating.no }).click();
        await d.widget.getByLabel(feedback.reasonUnclear).check();
        await d.widget.getByRole('button', { name: feedback.send }).click();
        await d.widget.getByRole('heading', { name: feedback.thanksHeading }).waitFor();
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
        await d.page.locator('#stars').getByRole('radio', { name: '5 out of 5 stars' }).waitFor();
        await d.page.locator('#smileys').getByRole('radio', { name: rating.csat5 }).waitFor();
        await d.page.locator('#nps').getByRole('radio', { name: '10 out of 10' }).click();
        await d.page.locator('#nps').getByText(feedback.followUpPositive).waitFor();
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
        await d.widget.getByRole('button', { name: feedback.open }).click();
        await d.widget.getByRole('dialog').getByRole('radio', { name: rating.yes }).click();
        await d.widget.getByRole('dialog').getByText(feedback.recorded).waitFor();
      },
    },
    {
      widget: 'civic-feedback',
      state: 'offline: the answer waits in the outbox, then is sent',
      attrs: 'topic="bins"',
      async drive(d) {
        await d.open();
        await d.widget.getByRole('radio', { name: rating.yes }).waitFor();
        await d.context.setOffline(true);
        await d.widget.getByRole('radio', { name: rating.yes }).click();
        await d.widget.getByRole('heading', { name: feedback.thanksHeading }).waitFor();
        await d.widget.getByText(common.queued).first().waitFor();
        await d.context.setOffline(false);
        await d.widget.getByText(feedback.recorded).waitFor();
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
        await d.widget.getByRole('radio', { name: rating.yes }).click();
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
        await d.widget.getByRole('radio', { name: rating.no }).click();
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
        await d.widget.getByRole('radio', { name: rating.no }).click();
        await d.widget.getByRole('button', { name: feedback.send }).click();
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
        await d.widget.getByRole('radio', { name: rating.no }).click();
        await d.widget.getByLabel('Which ward do you live in? (required)').selectOption('south');
        const sent = d.page.waitForRequest((r) => r.url().endsWith('/open311/requests.json') && r.method() === 'POST');
        await d.widget.getByRole('button', { name: feedback.send }).click();
        await d.widget.getByRole('heading', { name: feedback.thanksHeading }).waitFor();
        const form = new URLSearchParams((await sent).postData() ?? '');
        assert.equal(form.get('attribute[ward]'), 'south');
        assert.equal(form.get('attribute[rating]'), '0');
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
            await d.widget.getByRole('radio', { name, exact: true }).click();
            assert.equal(await d.widget.getByRole('radio', { name, exact: true }).getAttribute('aria-checked'), 'true');
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
        await d.widget.getByRole('radio', { name: '3 out of 5 stars' }).click();
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
        await d.widget.getByRole('radio', { name: rating.yes }).waitFor();
        const yes = d.widget.getByRole('radio', { name: rating.yes });
        await until('the choices to be disabled', async () => (await yes.getAttribute('aria-disabled')) === 'true');
      },
    },
    {
      widget: 'civic-rating',
      state: 'language switch: fr, es, ar, zh',
      body: () => '<civic-rating scale="thumbs" name="answer" label="Useful?"></civic-rating>',
      async drive(d) {
        await d.open();
        await d.widget.getByRole('radio', { name: rating.yes }).waitFor();
        await switchLanguage(d, (locale) => ratingIn[locale].yes);
      },
    },
  ],
};
