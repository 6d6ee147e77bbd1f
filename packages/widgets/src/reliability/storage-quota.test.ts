// Storage unavailable (b): every IndexedDB and localStorage write fails with QuotaExceededError (a full disk).
// The outbox can only keep submissions in memory: offline, the citizen must be told to keep the page open.
import { describeStorageUnavailable, quotaExceeded } from '../test-support/storage-suite.js';

describeStorageUnavailable('IndexedDB and localStorage writes exceed the quota', quotaExceeded, false);
