import type { ClientError } from '@civic-widgets/client';

// Every widget event is a typed `Event` subclass that bubbles out of the shadow root (`composed`), so a page can
// listen on the element or on `document`. `detail` mirrors `CustomEvent` for familiarity.
const init = { bubbles: true, composed: true } as const;

export interface CivicSubmitDetail<Body = unknown> {
  /** The client method about to be called, e.g. `signPetition`. */
  operation: string;
  /** The validated request body. */
  body: Body;
}

/** Before a submission is sent. Cancel it (`preventDefault()`) to stop the request. */
export class CivicSubmitEvent<Body = unknown> extends Event {
  static readonly type = 'civic-submit';
  constructor(readonly detail: CivicSubmitDetail<Body>) {
    super(CivicSubmitEvent.type, { ...init, cancelable: true });
  }
}

/** The backend acknowledged a submission (now, or later from the outbox). */
export class CivicSuccessEvent<Receipt = unknown> extends Event {
  static readonly type = 'civic-success';
  constructor(readonly detail: { receipt: Receipt; operation: string }) {
    super(CivicSuccessEvent.type, init);
  }
}

/** A submission could not be delivered now and is kept for later (`persisted` false: only while the page stays). */
export class CivicQueuedEvent extends Event {
  static readonly type = 'civic-queued';
  constructor(readonly detail: { id: string; persisted: boolean; operation: string }) {
    super(CivicQueuedEvent.type, init);
  }
}

/** Loading or submitting failed for good. */
export class CivicErrorEvent extends Event {
  static readonly type = 'civic-error';
  constructor(readonly detail: { error: ClientError; operation: string }) {
    super(CivicErrorEvent.type, init);
  }
}

/** The widget's data arrived from the backend. */
export class CivicLoadEvent<Data = unknown> extends Event {
  static readonly type = 'civic-load';
  constructor(readonly detail: { data: Data }) {
    super(CivicLoadEvent.type, init);
  }
}

declare global {
  interface HTMLElementEventMap {
    'civic-submit': CivicSubmitEvent;
    'civic-success': CivicSuccessEvent;
    'civic-queued': CivicQueuedEvent;
    'civic-error': CivicErrorEvent;
    'civic-load': CivicLoadEvent;
  }
}
