import { ClientError } from '../errors.js';

/**
 * The `problem.type` of an error that no retry can fix because the page is set up wrong: a key in the endpoint, a
 * missing or unknown service code, a server that does not speak the adapter's protocol. Widgets log its message
 * (which names the attribute to fix) and show a calm "not available" notice instead of a retry button.
 */
export const CONFIGURATION_PROBLEM = 'https://civic-widgets.org/problems/configuration';

/**
 * A configuration error: `message` says what to fix, naming the HTML attribute and the option (`service-code`,
 * `serviceCode`). `status` is the HTTP status that revealed it, if any; never retried, never queued.
 */
export function configurationError(message: string, status?: number): ClientError {
  return new ClientError('http', message, {
    // A problem document needs a status: without an HTTP answer the fault is the request's, a 400.
    problem: { type: CONFIGURATION_PROBLEM, title: message, status: status ?? 400 },
  });
}
