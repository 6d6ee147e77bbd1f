import { ClientError } from '@civic-widgets/client/core';
import type { CommonStrings } from '../i18n/strings.js';

/**
 * Any thrown value as a `ClientError` (the client throws nothing else, but a fake or an adapter might). A client
 * from another copy of the client (the CDN's civic-client.js given to civic-petition.js as `.client`) throws its
 * own class's errors: known by name, else a 409 or 422 would read as "could not reach the service".
 */
export function toClientError(error: unknown): ClientError {
  return error instanceof ClientError || (error as Error | undefined)?.name === 'ClientError'
    ? (error as ClientError)
    : new ClientError('network', String(error), { cause: error });
}

/** What to tell a resident about a failed call: never the server's own wording, always ours, localized. */
export function clientErrorMessage(error: ClientError, common: CommonStrings): string {
  switch (error.kind) {
    case 'offline':
      return common.errorOffline;
    case 'network':
    case 'timeout':
      return common.errorNetwork;
    case 'validation':
      return common.errorRejected;
    case 'invalid-response':
      return common.errorInvalidResponse;
    default:
      return common.errorServer;
  }
}

/**
 * What the webmaster must fix, when `error` is one no retry can help: an adapter's configuration error (its
 * message names the attribute), or an endpoint that is not the backend it should be (a 404 without a problem
 * document, or, for a load, an answer of the wrong shape). `undefined` for every other failure. A submission's
 * answer of the wrong shape is not one: the server may have stored it, and the resident, whose input stays, is
 * told to try again (which the idempotency key makes safe).
 */
export function configurationFault(error: ClientError, loading = true): string | undefined {
  // `CONFIGURATION_PROBLEM` (client/adapters/configuration.ts), by its end: importing it would bring that module's
  // `configurationError` into every widget's file.
  if (error.problem?.type.endsWith('/configuration')) return error.message;
  if (
    (error.status === 404 && !error.problem) ||
    (loading && error.kind === 'invalid-response' && error.fieldErrors.length)
  ) {
    return `the endpoint attribute leads to no backend of its adapter (${error.message}).`;
  }
  return undefined;
}
