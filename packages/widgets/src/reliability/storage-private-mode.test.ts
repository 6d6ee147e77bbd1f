// Storage unavailable (c): private mode at its strictest, no `indexedDB` and a `localStorage` that throws on
// access. The outbox can only keep submissions in memory: offline, the citizen must be told to keep the page open.
import { describeStorageUnavailable, noStorage } from '../test-support/storage-suite.js';

describeStorageUnavailable('no indexedDB, localStorage throws (private mode)', noStorage, false);
