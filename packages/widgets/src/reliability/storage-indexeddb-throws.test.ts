// Storage unavailable (a): `indexedDB.open` throws. The outbox falls back to localStorage, which survives a
// reload, so an offline submission is "saved on this device". One file (one page) per way of breaking storage:
// the client chooses its outbox once per page.
import { describeStorageUnavailable, indexedDbOpenThrows } from '../test-support/storage-suite.js';

describeStorageUnavailable('indexedDB.open throws', indexedDbOpenThrows, true);
