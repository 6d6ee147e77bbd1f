import { ClientError } from '@civic-widgets/client';
import { expect } from '@open-wc/testing';
import { strings as common } from '../i18n/en.js';
import { clientErrorMessage, toClientError } from './messages.js';

/** A `ClientError` of another copy of the client, as the CDN's civic-client.js throws next to a widget bundle. */
class OtherCopyClientError extends Error {
  override name = 'ClientError';
  readonly fieldErrors = [];
  constructor(
    readonly kind: string,
    readonly status?: number,
  ) {
    super(`HTTP ${status}`);
  }
}

describe('toClientError', () => {
  it('keeps a ClientError as it is', () => {
    const error = new ClientError('validation', 'Invalid', { status: 422 });
    expect(toClientError(error)).to.equal(error);
  });

  it('keeps a ClientError of another copy of the client, so its kind and status still decide the message', () => {
    const rejected = toClientError(new OtherCopyClientError('validation', 422));
    expect(rejected.kind).to.equal('validation');
    expect(clientErrorMessage(rejected, common)).to.equal(common.errorRejected);
    const conflict = toClientError(new OtherCopyClientError('http', 409));
    expect(conflict.status).to.equal(409);
    expect(clientErrorMessage(conflict, common)).to.equal(common.errorServer);
  });

  it('counts anything else as a network error', () => {
    const error = toClientError(new TypeError('Failed to fetch'));
    expect(error.kind).to.equal('network');
    expect(clientErrorMessage(error, common)).to.equal(common.errorNetwork);
    expect(toClientError(undefined).kind).to.equal('network');
  });
});
