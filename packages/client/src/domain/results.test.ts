import { expect } from '@open-wc/testing';
import type { Poll } from '../schemas/poll.js';
import { tallyVotes } from './results.js';

const poll = (kind: Poll['kind'], ids: string[], suppressBelow?: number) => ({
  id: 'p',
  kind,
  options: ids.map((id) => ({ id, label: id })),
  suppressBelow,
});

describe('tallyVotes', () => {
  it('counts single-choice ballots', () => {
    const results = tallyVotes(poll('single', ['a', 'b', 'c']), [['a'], ['b'], ['a']]);
    expect(results).to.deep.equal({
      pollId: 'p',
      totalVotes: 3,
      options: [
        { id: 'a', votes: 2 },
        { id: 'b', votes: 1 },
        { id: 'c', votes: 0 },
      ],
    });
  });

  it('counts every choice of a multiple-choice ballot, and ballots once in the total', () => {
    const results = tallyVotes(poll('multiple', ['a', 'b']), [['a', 'b'], ['b']]);
    expect(results.totalVotes).to.equal(2);
    expect(results.options.map((o) => o.votes)).to.deep.equal([1, 2]);
  });

  it('ranked: first choices and Borda points (worked example with three options)', () => {
    // a: 2 + 2 + 0 = 4, b: 1 + 0 + 2 = 3, c: 0 + 1 + 1 = 2
    const results = tallyVotes(poll('ranked', ['a', 'b', 'c']), [
      ['a', 'b', 'c'],
      ['a', 'c', 'b'],
      ['b', 'c', 'a'],
    ]);
    expect(results.options.map((o) => o.votes)).to.deep.equal([2, 1, 0]);
    expect(results.borda?.map((o) => o.points)).to.deep.equal([4, 3, 2]);
  });

  it('ranked: a broad second choice can beat a narrow first (four options)', () => {
    // Two voters love a; three rank b second behind different favourites.
    const results = tallyVotes(poll('ranked', ['a', 'b', 'c', 'd']), [
      ['a', 'd', 'c', 'b'],
      ['a', 'd', 'c', 'b'],
      ['c', 'b', 'd', 'a'],
      ['d', 'b', 'c', 'a'],
      ['c', 'b', 'a', 'd'],
    ]);
    expect(results.options.map((o) => o.votes)).to.deep.equal([2, 0, 2, 1]);
    // a: 3+3+0+0+1 = 7, b: 0+0+2+2+2 = 6, c: 1+1+3+1+3 = 9, d: 2+2+1+3+0 = 8
    expect(results.borda?.map((o) => o.points)).to.deep.equal([7, 6, 9, 8]);
  });

  it('suppresses counts below the threshold, zero included', () => {
    const results = tallyVotes(poll('single', ['a', 'b', 'c'], 2), [['a'], ['a'], ['b']]);
    expect(results.options.map((o) => o.votes)).to.deep.equal([2, null, null]);
    expect(results.suppressBelow).to.equal(2);
    expect(results.totalVotes).to.equal(3);
  });

  it('gives zeros, not nothing, when nobody has voted', () => {
    const results = tallyVotes(poll('ranked', ['a', 'b']), []);
    expect(results.totalVotes).to.equal(0);
    expect(results.options.map((o) => o.votes)).to.deep.equal([0, 0]);
    expect(results.borda?.map((o) => o.points)).to.deep.equal([0, 0]);
  });
});
