import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCommandLine, UsageError } from './args.js';

test('reads the URL and every option', () => {
  const line = parseCommandLine([
    'https://backend.example/api/v1',
    '--only',
    'petitions, polls',
    '--write',
    '--admin-token',
    'secret',
    '--origin',
    'https://www.council.example',
    '--timeout',
    '2500',
    '--report',
    'report.json',
  ]);
  assert.deepEqual(line, {
    url: 'https://backend.example/api/v1',
    options: {
      only: ['petitions', 'polls'],
      write: true,
      adminToken: 'secret',
      origin: 'https://www.council.example',
      timeoutMs: 2500,
    },
    reportFile: 'report.json',
  });
});

test('is read-only with every resource by default', () => {
  const { options } = parseCommandLine(['http://localhost:8080/api/v1'])!;
  assert.equal(options.write, false);
  assert.equal(options.only, undefined);
  assert.equal(options.adminToken, undefined);
});

test('--help asks for the usage', () => {
  assert.equal(parseCommandLine(['--help']), undefined);
});

test('refuses a command line it cannot run, saying what is wrong', () => {
  const wrong: [string[], RegExp][] = [
    [[], /exactly one base URL/],
    [['https://a.example', 'https://b.example'], /exactly one base URL/],
    [['backend.example/api'], /"backend\.example\/api" is not an http\(s\) URL/],
    [['ftp://backend.example'], /not an http\(s\) URL/],
    [['https://a.example', '--only', 'petitons'], /--only: unknown petitons \(known: petitions, polls, feedback/],
    [['https://a.example', '--timeout', 'soon'], /--timeout must be a whole number/],
    [['https://a.example', '--colour'], /Unknown option '--colour'/],
    [['https://a.example', '--report'], /argument missing/],
  ];
  for (const [argv, message] of wrong) {
    assert.throws(
      () => parseCommandLine(argv),
      (error) => error instanceof UsageError && message.test(error.message),
    );
  }
});
