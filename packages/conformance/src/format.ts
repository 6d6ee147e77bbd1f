import type { CheckResult, Report } from './runner.js';

/** One line per check: a person reads what failed, what was expected, what came back, and where the rule is. */
export function formatResult(result: CheckResult): string {
  const head = `${result.status.padEnd(4)} ${result.id}: ${result.title}`;
  if (result.status === 'pass') return head;
  const detail =
    result.status === 'fail' ? `expected ${result.expected}; got ${result.actual}` : `skipped: ${result.reason}`;
  return `${head}\n       ${detail}\n       see ${result.docs}`;
}

/** The closing line, in the plain form CI scripts read: `conformance: N passed, N failed[, N skipped]`. */
export function formatSummary(report: Report): string {
  const skipped = report.skipped ? `, ${report.skipped} skipped` : '';
  return `conformance: ${report.passed} passed, ${report.failed} failed${skipped}`;
}
