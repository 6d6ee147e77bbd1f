import { type Check, docsLink, type Resource } from './check.js';
import { checks as allChecks } from './checks/index.js';
import { Fixtures } from './fixtures.js';
import { Backend, type BackendOptions } from './http.js';
import { CheckFailure, CheckSkipped } from './outcome.js';

export interface RunOptions extends Partial<BackendOptions> {
  /** Resources to check (`petitions`, `polls`, ...); all when absent. */
  only?: Resource[];
  /** Also run the checks that create data. */
  write?: boolean;
  /** Called after each check, for output as the run goes. */
  onResult?: (result: CheckResult) => void;
  /** The checks to run; the kit's own by default. */
  checks?: readonly Check[];
}

export interface CheckResult {
  id: string;
  title: string;
  resource: Resource;
  mode: Check['mode'];
  status: 'pass' | 'fail' | 'skip';
  /** `docs/protocol.md#section` */
  docs: string;
  expected?: string;
  actual?: string;
  /** Why a check was skipped. */
  reason?: string;
  ms: number;
}

export interface Report {
  url: string;
  startedAt: string;
  passed: number;
  failed: number;
  skipped: number;
  results: CheckResult[];
}

export const DEFAULT_ORIGIN = 'https://conformance.civic-widgets.org';

/** Runs the checks one after another (write checks compare counts, so they must not overlap) and reports each. */
export async function runConformance(url: string, options: RunOptions = {}): Promise<Report> {
  const backend = new Backend(url, {
    origin: options.origin ?? DEFAULT_ORIGIN,
    adminToken: options.adminToken,
    timeoutMs: options.timeoutMs ?? 10_000,
  });
  const fixtures = new Fixtures(backend);
  const startedAt = new Date().toISOString();
  const results: CheckResult[] = [];
  for (const check of options.checks ?? allChecks) {
    if (options.only && !options.only.includes(check.resource)) continue;
    const result = await runOne(check, { backend, fixtures }, options.write ?? false);
    results.push(result);
    options.onResult?.(result);
  }
  const count = (status: CheckResult['status']) => results.filter((r) => r.status === status).length;
  return { url, startedAt, passed: count('pass'), failed: count('fail'), skipped: count('skip'), results };
}

async function runOne(check: Check, context: Parameters<Check['run']>[0], write: boolean): Promise<CheckResult> {
  const { id, title, resource, mode } = check;
  const base = { id, title, resource, mode, docs: docsLink(check) };
  if (mode === 'write' && !write) return { ...base, status: 'skip', reason: 'creates data; run with --write', ms: 0 };
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    await check.run(context);
    return { ...base, status: 'pass', ms: ms() };
  } catch (error) {
    if (error instanceof CheckSkipped) return { ...base, status: 'skip', reason: error.message, ms: ms() };
    if (error instanceof CheckFailure) {
      return { ...base, status: 'fail', expected: error.expected, actual: error.actual, ms: ms() };
    }
    // A refused connection or a timeout is the backend failing the check, not the kit.
    const actual = error instanceof Error ? `${error.name}: ${error.message}${causeOf(error)}` : String(error);
    return { ...base, status: 'fail', expected: 'an answer', actual, ms: ms() };
  }
}

function causeOf(error: Error): string {
  return error.cause instanceof Error ? ` (${error.cause.message})` : '';
}
