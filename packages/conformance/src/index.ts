/**
 * `@civic-widgets/conformance`: checks that a backend implements protocol v1 (docs/protocol.md), as a library.
 * The command line (`npx @civic-widgets/conformance <url>`) is `cli.ts` over the same functions.
 */
export { type Check, type CheckContext, docsLink, RESOURCES, type Resource } from './check.js';
export { checks } from './checks/index.js';
export { formatResult, formatSummary } from './format.js';
export { type Answer, Backend, type BackendOptions } from './http.js';
export { CheckFailure, CheckSkipped } from './outcome.js';
export { type CheckResult, DEFAULT_ORIGIN, type Report, type RunOptions, runConformance } from './runner.js';
