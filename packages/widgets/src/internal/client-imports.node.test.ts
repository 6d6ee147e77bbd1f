// Each widget downloads only its resource's client: a value imported from the root `@civic-widgets/client` (which
// carries every resource's schemas and methods) would bring them all back into the widget's bundle.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const src = new URL('..', import.meta.url).pathname;

/** The widgets' shipped sources: no tests, examples, test support or reliability suites. */
function* shipped(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!['test-support', 'reliability', 'cdn'].includes(entry.name)) yield* shipped(path);
    } else if (entry.name.endsWith('.ts') && !/\.(test|examples)\.ts$/.test(entry.name)) yield path;
  }
}

test('widgets import values from their resource subpaths only, never from the root client', () => {
  const offenders: string[] = [];
  for (const file of shipped(src)) {
    const code = readFileSync(file, 'utf8');
    for (const [statement, typeOnly, names] of code.matchAll(
      /import\s+(type\s+)?\{([^}]*)\}\s+from\s+'@civic-widgets\/client'/g,
    )) {
      const values = names!
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name && !name.startsWith('type '));
      if (!typeOnly && values.length) offenders.push(`${file.slice(src.length)}: ${statement.replace(/\s+/g, ' ')}`);
    }
    if (/import\s+\*\s+as\s+\w+\s+from\s+'@civic-widgets\/client'/.test(code)) offenders.push(file.slice(src.length));
  }
  assert.deepEqual(offenders, []);
});

test('each widget imports its own resource', () => {
  const expected: Record<string, string> = {
    'petition/petition.ts': 'petitions',
    'petition/petition-counter.ts': 'petitions',
    'poll/poll.ts': 'polls',
    'feedback/feedback.ts': 'feedback',
    'service-locator/service-locator.ts': 'services',
  };
  for (const [file, resource] of Object.entries(expected)) {
    const imported = [...readFileSync(join(src, file), 'utf8').matchAll(/from '@civic-widgets\/client\/(\w+)'/g)].map(
      ([, subpath]) => subpath,
    );
    assert.deepEqual(
      imported.filter((subpath) => subpath !== 'core'),
      [resource],
      file,
    );
  }
});
