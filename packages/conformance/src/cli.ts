// `npx @civic-widgets/conformance <url> [--only petitions,polls] [--write] [--admin-token …] [--report file.json]`
// Exit codes: 0 every check passed (or was skipped), 1 a check failed, 2 the command line was wrong.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { RESOURCES, type Resource } from './check.js';
import { formatResult, formatSummary } from './format.js';
import { DEFAULT_ORIGIN, runConformance } from './runner.js';

const USAGE = `Usage: npx @civic-widgets/conformance <base-url> [options]

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

class UsageError extends Error {}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      only: { type: 'string' },
      write: { type: 'boolean', default: false },
      'admin-token': { type: 'string' },
      origin: { type: 'string', default: DEFAULT_ORIGIN },
      timeout: { type: 'string', default: '10000' },
      report: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
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

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    // parseArgs throws TypeErrors with a code for unknown or malformed options.
    if (!(error instanceof UsageError) && !(error instanceof TypeError)) throw error;
    console.error(`conformance: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (!parsed) {
    console.log(USAGE);
    return 0;
  }
  console.log(`Checking ${parsed.url} against Civic Widgets protocol v1`);
  const report = await runConformance(parsed.url, {
    ...parsed.options,
    onResult: (result) => console.log(formatResult(result)),
  });
  console.log(formatSummary(report));
  if (parsed.reportFile) await writeFile(parsed.reportFile, `${JSON.stringify(report, null, 2)}\n`);
  return report.failed > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
