import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emailKey } from './email.js';

describe('emailKey', () => {
  it('ignores case and surrounding spaces everywhere', () => {
    assert.equal(emailKey('  Ada@Example.ORG '), 'ada@example.org');
  });

  it('ignores dots and +tags at Gmail, and treats googlemail as gmail', () => {
    for (const email of ['j.smith@gmail.com', 'JSmith+petitions@gmail.com', 'j.s.m.i.t.h+a+b@googlemail.com']) {
      assert.equal(emailKey(email), 'jsmith@gmail.com', email);
    }
  });

  it('keeps dots and tags at other providers, where they may be different people', () => {
    assert.equal(emailKey('j.smith+x@example.org'), 'j.smith+x@example.org');
    assert.notEqual(emailKey('j.smith@example.org'), emailKey('jsmith@example.org'));
  });
});
