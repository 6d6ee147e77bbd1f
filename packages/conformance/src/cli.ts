// `npx @civic-widgets/conformance <url> [--only petitions,polls] [--write] [--admin-token …] [--report file.json]`
// Exit codes: 0 every check passed (or was skipped), 1 a check failed, 2 the command line was wrong.
import { writeFile } from 'node:fs/promises';
import { type CommandLine, parseCommandLine, USAGE, UsageError } from './args.js';
import { formatResult, formatSummary } from './format.js';
import { runConformance } from './runner.js';

async function main(argv: string[]): Promise<number> {
  let parsed: CommandLine | undefined;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
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
