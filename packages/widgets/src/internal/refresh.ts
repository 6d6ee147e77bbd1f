import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Calls `tick` every `seconds()` seconds while the page is visible: nothing runs in a hidden tab, and a tab that
 * comes back after the interval has passed refreshes at once. `seconds()` of 0 or less turns it off.
 */
export class RefreshController implements ReactiveController {
  #timer?: ReturnType<typeof setTimeout>;
  #last = Date.now();
  #seconds = 0;

  constructor(
    host: ReactiveControllerHost,
    private readonly seconds: () => number,
    private readonly tick: () => void,
  ) {
    host.addController(this);
  }

  hostConnected() {
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.#last = Date.now();
    this.#schedule();
  }

  hostDisconnected() {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  hostUpdated() {
    if (this.seconds() !== this.#seconds) this.#schedule();
  }

  #onVisibility = () => {
    if (document.visibilityState !== 'visible') {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      return;
    }
    if (this.#seconds > 0 && Date.now() - this.#last >= this.#seconds * 1000) this.#run();
    else this.#schedule();
  };

  #run() {
    this.#last = Date.now();
    this.tick();
    this.#schedule();
  }

  #schedule() {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#seconds = this.seconds();
    if (this.#seconds <= 0 || document.visibilityState !== 'visible') return;
    const wait = Math.max(0, this.#seconds * 1000 - (Date.now() - this.#last));
    this.#timer = setTimeout(() => this.#run(), wait);
  }
}
