import type { Fixtures } from './fixtures.js';
import type { Backend } from './http.js';

/** What a check is about; `--only` filters on these. */
export type Resource = 'petitions' | 'polls' | 'feedback' | 'services' | 'submissions' | 'http';

export const RESOURCES: readonly Resource[] = ['petitions', 'polls', 'feedback', 'services', 'submissions', 'http'];

export interface CheckContext {
  backend: Backend;
  /** The petitions, polls and services the checks test with, found on the backend once per run. */
  fixtures: Fixtures;
}

/**
 * One rule of docs/protocol.md, as data. `run` returns when the backend follows the rule, and throws a
 * `CheckFailure` (expected vs actual) when it does not, or `CheckSkipped` when it cannot be tested here.
 */
export interface Check {
  /** Stable name, `<resource>.<rule>`, used in reports and `--only`. */
  id: string;
  /** What the backend must do, in one line. */
  title: string;
  /** The heading anchor in docs/protocol.md that states the rule. */
  section: string;
  /** `write` checks create data (signatures, votes, feedback) and run only with `--write`. */
  mode: 'read' | 'write';
  resource: Resource;
  run(context: CheckContext): Promise<void>;
}

/** Where a check's rule is written down. */
export function docsLink(check: Pick<Check, 'section'>): string {
  return `docs/protocol.md#${check.section}`;
}
