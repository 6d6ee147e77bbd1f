// Imports services from an Open Referral HSDS 3.0 JSON file into the server's database:
//   npm run import:hsds -w @civic-widgets/server -- path/to/services.json [--time-zone Europe/London]
// The database is the server's (CIVIC_DB_FILE or DATABASE_URL); the server may keep running meanwhile.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, readConfig } from '../config.js';
import { openStore } from '../db/database.js';
import { importHsds } from './import.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'time-zone': { type: 'string' } },
});
if (positionals.length === 0) {
  console.error('Usage: import-hsds <file.json>... [--time-zone Europe/London]');
  process.exit(64);
}

let dbFile: string;
try {
  dbFile = readConfig().dbFile;
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Configuration error: ${error.message}`);
  process.exit(78);
}

const store = await openStore(dbFile);
let failed = false;
try {
  for (const file of positionals) {
    let document: unknown;
    try {
      document = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      console.error(`${file}: cannot read JSON (${(error as Error).message})`);
      failed = true;
      continue;
    }
    const report = await importHsds(store.db, document, { timeZone: values['time-zone'] });
    console.log(`${file}: imported ${report.imported}, skipped ${report.skipped.length}`);
    for (const { id, reason } of report.skipped) console.log(`  skipped ${id}: ${reason}`);
  }
} finally {
  await store.close();
}
process.exit(failed ? 1 : 0);
