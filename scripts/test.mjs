// `npm test`: every check and suite in turn, then one plain closing line over all of them,
// "N passed, N failed", so that CI can tell a run that executed no test.
// A check without test counts (typecheck, lint) counts as one test.
import { spawn } from 'node:child_process';

const steps = [
  { name: 'typecheck', command: ['npx', 'tsc', '-p', 'tsconfig.json'] },
  { name: 'lint', command: ['npx', 'biome', 'check', '.'] },
  // Builds the CDN files first: the end-to-end tests load them from the real server.
  { name: 'size budgets', command: ['sh', '-c', 'npx rollup -c --silent && node scripts/size.mjs'] },
  { name: 'node tests', command: ['node', 'scripts/node-tests.mjs'] },
  // Chromium, Firefox and WebKit side by side; the step prints a line per engine, repeated in the summary.
  { name: 'browser tests', command: ['npx', 'web-test-runner'] },
];

/** Reads the counts a suite printed: our wtr reporter's line, or node's spec reporter summary. */
function counts(output) {
  const plain = [...output.matchAll(/^\w+: (\d+) passed, (\d+) failed/gm)].at(-1);
  if (plain) return { passed: Number(plain[1]), failed: Number(plain[2]) };
  const pass = output.match(/^\S* ?pass (\d+)$/m);
  const fail = output.match(/^\S* ?fail (\d+)$/m);
  if (pass && fail) return { passed: Number(pass[1]), failed: Number(fail[1]) };
  return undefined;
}

function run({ name, command }) {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log(`\n== ${name}: ${command.join(' ')}`);
    const child = spawn(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk;
        (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
      });
    }
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const found = counts(output) ?? (code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });
      // A suite that exits non-zero failed, whatever it counted.
      if (code !== 0 && found.failed === 0) found.failed = 1;
      // Lines a suite prints per part ("wtr WebKit: 610 passed, 0 failed in 140.2 s"), for the summary.
      const parts = [...output.matchAll(/^\w+ \w+: \d+ passed, \d+ failed.*$/gm)].map((m) => m[0]);
      resolve({ name, code, seconds, parts, ...found });
    });
  });
}

const results = [];
for (const step of steps) results.push(await run(step));

console.log('\n== summary');
for (const r of results) {
  console.log(
    `${r.name.padEnd(14)} ${String(r.passed).padStart(5)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds}s`,
  );
  for (const part of r.parts) console.log(`  ${part}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
