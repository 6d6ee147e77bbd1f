import { expect } from '@open-wc/testing';
import { ClientError } from '../errors.js';

/** The `ClientError` a call rejects with; fails the test when the call succeeds or throws anything else. */
export async function errorOf(promise: Promise<unknown>): Promise<ClientError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ClientError);
    return error as ClientError;
  }
  throw new Error('expected the call to fail');
}
