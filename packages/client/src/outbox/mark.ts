/**
 * The localStorage key that says whether submissions of a backend may wait in the default store: `EMPTY` once a
 * page found none there; anything else (a fresh value each time an entry is kept) or nothing means "look". Read by
 * the client's `Outbox` at each chance to deliver, written by the engine.
 */
export const waitingMark = (namespace: string) => `civic-outbox-waiting:${namespace}`;
export const EMPTY = 'empty';
