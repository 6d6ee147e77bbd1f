import { expect } from '@open-wc/testing';
import { coolingDown, REDACTED, redact, rememberFeedback, sampled } from './privacy.js';

const R = REDACTED;

// [input, what must be sent]
const redactions: [string, string][] = [
  // Removed: emails
  ['Write to jane.doe@example.org please', `Write to ${R} please`],
  ['jane+council@mail.example.co.uk', R],
  ['Contact: A.Smith_99@council.gov.', `Contact: ${R}.`],
  ['иван.петров@пример.рф ответил', `${R} ответил`],
  ['我的邮箱是 zhang.wei@example.cn 谢谢', `我的邮箱是 ${R} 谢谢`],
  ['راسلني على ahmed@example.com شكرا', `راسلني على ${R} شكرا`],
  // Removed: phone numbers
  ['Call me on +44 20 7946 0958', `Call me on ${R}`],
  ['mobile 07700 900123.', `mobile ${R}.`],
  ['(555) 123-4567 after 6pm', `${R} after 6pm`],
  ['tel. 01.23.45.67.89', `tel. ${R}`],
  ['+33 6 12 34 56 78', R],
  ['电话13812345678', `电话${R}`],
  ['رقمي ٠٧٧٠٠٩٠٠١٢٣', `رقمي ${R}`],
  ['番号は０９０１２３４５６７８です', `番号は${R}です`],
  // Removed: card, account and ID numbers
  ['card 4111 1111 1111 1111 was charged twice', `card ${R} was charged twice`],
  ['4111-1111-1111-1111', R],
  ['account 12345678', `account ${R}`],
  ['ref 1234567 please', `ref ${R} please`],
  ['SSN 123-45-6789', `SSN ${R}`],
  ['Both: a@b.io and 0612345678', `Both: ${R} and ${R}`],
  // Kept: ratings, years, dates, prices, small numbers
  ['3 stars, could be better', '3 stars, could be better'],
  ['Since 2024 the form is broken', 'Since 2024 the form is broken'],
  ['Bus 42 was late on 10/12/2024', 'Bus 42 was late on 10/12/2024'],
  ['Appointment 2024-05-01 was moved', 'Appointment 2024-05-01 was moved'],
  ['It cost £1,200 and took 45 minutes', 'It cost £1,200 and took 45 minutes'],
  ['Page 3 of 12, step 2', 'Page 3 of 12, step 2'],
  ['Room 101, floor 3', 'Room 101, floor 3'],
  ['Postcode LS1 3AB is wrong', 'Postcode LS1 3AB is wrong'],
  ['٣ نجوم فقط', '٣ نجوم فقط'],
  ['第3页的信息已过时（2023年）', '第3页的信息已过时（2023年）'],
  ['Permit number 123456 is fine', 'Permit number 123456 is fine'],
  ['10 out of 10, @council did well', '10 out of 10, @council did well'],
  ['', ''],
];

describe('privacy', () => {
  describe('redact', () => {
    for (const [input, expected] of redactions) {
      it(JSON.stringify(input), () => expect(redact(input)).to.equal(expected));
    }
  });

  it('sampled is deterministic under a seeded random source', () => {
    // A small linear congruential generator: the same seed gives the same visitors.
    const seeded = (seed: number) => () => {
      seed = (seed * 1664525 + 1013904223) % 2 ** 32;
      return seed / 2 ** 32;
    };
    const run = (seed: number) => Array.from({ length: 1000 }, seeded(seed)).map((n) => sampled(0.1, () => n));
    expect(run(42)).to.deep.equal(run(42));
    const shown = run(42).filter(Boolean).length;
    expect(shown).to.be.within(70, 130);
    expect(sampled(0.1, () => 0.05)).to.equal(true);
    expect(sampled(0.1, () => 0.1)).to.equal(false);
    expect(sampled(1, () => 0.99)).to.equal(true);
    expect(sampled(0, () => 0)).to.equal(false);
    expect(
      sampled(Number.NaN, () => 0.5),
      'a bad sample attribute shows it',
    ).to.equal(true);
  });

  it('the cool-down remembers only the time, per topic, and ends', () => {
    localStorage.removeItem('civic-feedback:bins');
    const now = Date.UTC(2026, 0, 10);
    expect(coolingDown('bins', 30, now)).to.equal(false);
    rememberFeedback('bins', now);
    expect(localStorage.getItem('civic-feedback:bins')).to.equal(String(now));
    expect(coolingDown('bins', 30, now + 29 * 86_400_000)).to.equal(true);
    expect(coolingDown('bins', 30, now + 31 * 86_400_000)).to.equal(false);
    expect(coolingDown('bins', 0, now), 'no cool-down set').to.equal(false);
    expect(coolingDown('parking', 30, now)).to.equal(false);
    expect(document.cookie).to.equal('');
    localStorage.removeItem('civic-feedback:bins');
  });
});
