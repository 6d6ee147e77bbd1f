import { expect } from '@open-wc/testing';
import { toFieldErrors } from './field-errors.js';
import { stripPageUrl } from './page-url.js';
import { hasPassed, petitionStatus, pollStatus } from './status.js';

const at = (iso: string) => Date.parse(iso);
const noon = at('2026-06-01T12:00:00Z');

describe('statuses by the clock', () => {
  it('hasPassed: from the instant on, never without one', () => {
    expect(hasPassed('2026-06-01T12:00:00Z', noon)).to.equal(true);
    expect(hasPassed('2026-06-01T12:00:00.001Z', noon)).to.equal(false);
    expect(hasPassed('2026-06-01T13:00:00+02:00', noon)).to.equal(true);
    expect(hasPassed(undefined, noon)).to.equal(false);
    expect(hasPassed(null, noon)).to.equal(false);
  });

  const petitions: [string, Parameters<typeof petitionStatus>[0], string][] = [
    ['open before closesAt', { status: 'open', closesAt: '2026-06-02T00:00:00Z' }, 'open'],
    ['closed from closesAt', { status: 'open', closesAt: '2026-06-01T12:00:00Z' }, 'closed'],
    ['open without closesAt', { status: 'open' }, 'open'],
    ['closed early stays closed', { status: 'closed', closesAt: '2026-07-01T00:00:00Z' }, 'closed'],
    [
      'responded stays responded after closesAt',
      { status: 'responded', closesAt: '2026-05-01T00:00:00Z' },
      'responded',
    ],
    ['null closesAt (a database row)', { status: 'open', closesAt: null }, 'open'],
  ];
  for (const [name, petition, expected] of petitions) {
    it(`petition: ${name}`, () => expect(petitionStatus(petition, noon)).to.equal(expected));
  }

  const polls: [string, Parameters<typeof pollStatus>[0], string][] = [
    ['upcoming before opensAt', { status: 'open', opensAt: '2026-06-02T00:00:00Z' }, 'upcoming'],
    ['open from opensAt', { status: 'upcoming', opensAt: '2026-06-01T12:00:00Z' }, 'open'],
    [
      'closed from closesAt',
      { status: 'open', opensAt: '2026-05-01T00:00:00Z', closesAt: '2026-06-01T12:00:00Z' },
      'closed',
    ],
    ["an administrator's close wins over the window", { status: 'closed', opensAt: '2026-06-02T00:00:00Z' }, 'closed'],
    ['without times, the status given', { status: 'upcoming' }, 'upcoming'],
    ['null times (a database row)', { status: 'open', opensAt: null, closesAt: null }, 'open'],
  ];
  for (const [name, poll, expected] of polls) {
    it(`poll: ${name}`, () => expect(pollStatus(poll, noon)).to.equal(expected));
  }

  it('defaults to the current time', () => {
    expect(pollStatus({ status: 'open', closesAt: new Date(Date.now() - 1000).toISOString() })).to.equal('closed');
    expect(petitionStatus({ status: 'open', closesAt: new Date(Date.now() + 60_000).toISOString() })).to.equal('open');
  });
});

describe('stripPageUrl', () => {
  it('keeps origin and path, and drops the query string, the fragment and credentials', () => {
    expect(stripPageUrl('https://city.example/bins/collection?email=a%40b.c&token=xyz#step-2')).to.equal(
      'https://city.example/bins/collection',
    );
    expect(stripPageUrl('http://localhost:8000/demo/feedback.html?x=1')).to.equal(
      'http://localhost:8000/demo/feedback.html',
    );
    expect(stripPageUrl('https://user:pass@city.example/a')).to.equal('https://city.example/a');
    expect(stripPageUrl('https://city.example')).to.equal('https://city.example/');
  });

  it('refuses other schemes and text that is not a URL', () => {
    expect(stripPageUrl('file:///C:/x.html')).to.equal(undefined);
    expect(stripPageUrl('javascript:alert(1)')).to.equal(undefined);
    expect(stripPageUrl('not a url')).to.equal(undefined);
  });
});

describe('toFieldErrors', () => {
  it('dots the path, keeps message and code, and gives the whole body the empty path', () => {
    expect(
      toFieldErrors([
        { path: ['rating', 'value'], message: 'Out of range', code: 'custom' },
        { path: ['choices', 2], message: 'Too big', code: 'too_big' },
        { path: [], message: 'Expected object', code: 'invalid_type' },
      ]),
    ).to.deep.equal([
      { path: 'rating.value', message: 'Out of range', code: 'custom' },
      { path: 'choices.2', message: 'Too big', code: 'too_big' },
      { path: '', message: 'Expected object', code: 'invalid_type' },
    ]);
  });

  it('names a symbol key rather than failing', () => {
    expect(toFieldErrors([{ path: [Symbol('x')], message: 'm', code: 'c' }])[0]!.path).to.equal('Symbol(x)');
  });
});
