// The command line of `npx @civic-widgets/conformance`, read with node:util's parseArgs.
import { parseArgs } from 'node:util';
import { RESOURCES, type Resource } from './check.js';
import { DEFAULT_ORIGIN, type RunOptions } from './runner.js';

export const USAGE = `Usage: npx @civic-widgets/conformance <base-url> [options]

Checks that the backend at <base-url> (e.g. https://participate.example.gov/api/v1) implements
Civic Widgets protocol v1. Read-only unless --write is given.

Options:
  --only <list>          resources to check, comma-separated: ${RESOURCES.join(', ')}
  --write                also run the checks that create data (signatures, votes, feedback)
  --admin-token <token>  the reference server's admin token, to create a closed petition and poll to test with
  --origin <origin>      the Origin the CORS checks send (default ${DEFAULT_ORIGIN})
  --timeout <ms>         how long to wait for each answer (default 10000)
  --report <file>        also write the results as JSON
  -h, --help             show this help`;

/** A command line the kit cannot run; the message says what to change. */
export class UsageError extends Error {}

export interface CommandLine {
  url: string;
  options: RunOptions;
  reportFile?: string;
}

const OPTIONS = {
  only: { type: 'string' },
  write: { type: 'boolean', default: false },
  'admin-token': { type: 'string' },
  origin: { type: 'string', default: DEFAULT_ORIGIN },
  timeout: { type: 'string', default: '10000' },
  report: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function read(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    // An unknown option or a missing value: parseArgs says which, in a TypeError.
    throw error instanceof TypeError ? new UsageError(error.message) : error;
  }
}

/** Reads the arguments; `undefined` asks for the help text. Throws `UsageError` saying what is wrong. */
export function parseCommandLine(argv: string[]): CommandLine | undefined {
  const { values, positionals } = read(argv);
  if (values.help) return undefined;
  const [url, ...extra] = positionals;
  if (!url || extra.length) throw new UsageError('give exactly one base URL');
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw new UsageError(`"${url}" is not an http(s) URL`);
  }
  const only = values.only?.split(',').map((name) => name.trim()) as Resource[] | undefined;
  const unknown = only?.filter((name) => !RESOURCES.includes(name));
  if (unknown?.length) throw new UsageError(`--only: unknown ${unknown.join(', ')} (known: ${RESOURCES.join(', ')})`);
  const timeoutMs = Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new UsageError('--timeout must be a whole number of ms');
  return {
    url,
    options: { only, write: values.write, adminToken: values['admin-token'], origin: values.origin, timeoutMs },
    reportFile: values.report,
  };
}
