import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** An open petition that asks for something close to what the resident is typing. */
export interface SimilarPetition {
  id: string;
  title: string;
  signatureCount: number;
  url?: string;
}

/** Below this many characters a title matches too much to be worth a request. */
const MIN_QUERY = 4;

/**
 * Similar open petitions for the title being typed: one request per pause in typing (`delayMs`), the previous
 * request aborted, so a slow answer to an old title can never replace the answer to the current one. Failures are
 * silent: the suggestions are a help, and the resident may always go on with their own petition.
 */
export class SimilarController implements ReactiveController {
  /** The latest answer, for the latest title; empty while there is none. */
  petitions: SimilarPetition[] = [];
  #timer?: ReturnType<typeof setTimeout>;
  #request?: AbortController;
  #query = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly search: (query: string, signal: AbortSignal) => Promise<SimilarPetition[]> | undefined,
    private readonly delayMs = 400,
  ) {
    host.addController(this);
  }

  hostDisconnected() {
    this.#cancel();
  }

  /** The title changed: search again after a pause. */
  update(title: string) {
    const query = title.trim();
    if (query === this.#query) return;
    this.#query = query;
    this.#cancel();
    if (query.length < MIN_QUERY) {
      this.#show([]);
      return;
    }
    this.#timer = setTimeout(() => void this.#run(query), this.delayMs);
  }

  async #run(query: string) {
    const request = new AbortController();
    this.#request = request;
    try {
      const found = await this.search(query, request.signal);
      if (this.#request === request && found) this.#show(found);
    } catch {
      if (this.#request === request) this.#show([]);
    }
  }

  #cancel() {
    clearTimeout(this.#timer);
    this.#request?.abort();
    this.#request = undefined;
  }

  #show(petitions: SimilarPetition[]) {
    this.petitions = petitions;
    this.host.requestUpdate();
  }
}
