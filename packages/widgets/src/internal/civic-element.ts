import type { CivicClient } from '@civic-widgets/client';
import type { ClientError, ResourceClient } from '@civic-widgets/client/core';
import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { type Catalogs, LocalizeController, type Sections, type StringOverrides } from '../i18n/localize.js';
import type { Catalog } from '../i18n/strings.js';
import { baseStyles } from '../styles/base.styles.js';
import { ADAPTERS, type AdapterOptions, isAdapterName, type ResourceClass, sharedClient } from './client.js';
import { CivicErrorEvent, CivicLoadEvent } from './events.js';
import { clientErrorMessage, configurationFault, toClientError } from './messages.js';
import type { SubmitContext } from './submit.js';

/** A missing attribute, an unknown adapter, or what an adapter or backend said is wrong (`fault`). */
type ConfigProblem = { attribute: string } | { adapter: string } | { fault: string };
export type LoadStatus = 'idle' | 'loading' | 'loaded' | 'error';

/**
 * The base of every Civic Widgets element: client resolution, language, configuration errors, data loading and
 * custom states. A widget extends it, names its resource's client class in `resource`, implements `renderContent()`
 * and, when it shows backend data, `load()`. See docs/widgets/README.md.
 *
 * @cssproperty --civic-color-accent - Links, buttons, focus and progress. Default: `#1d4ed8` (6.7:1 on white).
 * @cssproperty --civic-color-on-accent - Text on accent-coloured buttons. Default: `#fff`.
 * @cssproperty --civic-color-danger - Errors. Default: `#b91c1c` (6.5:1 on white).
 * @cssproperty --civic-color-success - Confirmations. Default: `#166534` (7.1:1 on white).
 * @cssproperty --civic-color-border - Input borders. Default: `#6b7280` (4.8:1 on white).
 * @cssproperty --civic-color-muted - Secondary text. Default: `#4b5563` (7.6:1 on white).
 * @cssproperty --civic-color-surface - Background of inputs and notices. Default: `transparent` (the page's).
 * @cssproperty --civic-space-xs - Smallest gap. Default: `0.25rem`.
 * @cssproperty --civic-space-s - Small gap. Default: `0.5rem`.
 * @cssproperty --civic-space-m - Gap between blocks. Default: `1rem`.
 * @cssproperty --civic-space-l - Large gap and list indent. Default: `1.5rem`.
 * @cssproperty --civic-radius - Corner radius of inputs and buttons. Default: `4px`.
 * @cssproperty --civic-focus-ring - The focus outline (a CSS `outline` value). Default: `3px solid #1e3a8a` (10:1 on white).
 * @cssproperty --civic-font-size-heading - Size of the widget's heading. Default: `1.375em`.
 * @csspart base - The widget's outer wrapper.
 * @csspart error - The notice when loading fails or the widget is set up wrong.
 */
export abstract class CivicElement<
  Data = unknown,
  // biome-ignore lint/complexity/noBannedTypes: a widget without sections of its own has exactly no extra sections.
  S extends Sections = {},
  Client extends ResourceClient = CivicClient,
> extends LitElement {
  static override styles = [baseStyles];

  /** The widget's string sections besides `common`, e.g. `{ petition: petitionCatalog }`. */
  static catalogs: Record<string, Catalog<object>> = {};

  protected readonly l10n = new LocalizeController<S>(
    this,
    (this.constructor as typeof CivicElement).catalogs as Catalogs<S>,
  );
  protected readonly internals: ElementInternals = this.attachInternals();

  static override properties: PropertyDeclarations = {
    client: { attribute: false },
    endpoint: { reflect: true },
    adapter: { reflect: true },
    strings: { attribute: false },
    activeClient: { state: true, attribute: false },
    configProblem: { state: true, attribute: false },
    loadStatus: { state: true, attribute: false },
    data: { state: true, attribute: false },
    loadError: { state: true, attribute: false },
  };

  /**
   * A client to use instead of `endpoint` and `adapter` (apps, tests, custom adapters): the widget's resource's
   * client (`PetitionsClient`, ...) or the client of every resource (`CivicClient`).
   */
  client?: Client;

  /** Base URL of the Civic Widgets backend, e.g. `https://participate.example.gov/api/v1`. */
  endpoint?: string;

  /** The backend's kind: `rest` (default, protocol v1), `memory` (demo data, no `endpoint`), `static` (`endpoint` is a JSON file), `hsds` (an Open Referral API) or `open311`. */
  adapter = 'rest';

  /** Per-instance text overrides, by section: `{ petition: { consentLabel: '…' } }`. */
  strings?: StringOverrides<S>;

  /** The client in use, once resolved. */
  protected activeClient?: Client;
  protected configProblem?: ConfigProblem;
  /** Where `load()` stands. */
  protected loadStatus: LoadStatus = 'idle';
  /** The last successful `load()` result. */
  protected data?: Data;
  protected loadError?: ClientError;

  #clientRequest = 0;
  #adapterOptionsKey = '';
  #loadRun = 0;
  #loadedFor?: { client: Client; key: string };
  #reported = new Set<string>();

  constructor() {
    super();
    // A load or a submission that fails for a reason no retry can fix (the endpoint, a service code): the widget
    // stops offering a form and the console says what to fix.
    this.addEventListener(CivicErrorEvent.type, (event) => {
      // Only this widget's own: a widget inside it (a report's status in the feedback) answers for itself.
      if (event.composedPath()[0] !== this) return;
      const { error, operation } = (event as CivicErrorEvent).detail;
      const fault = configurationFault(error, operation === 'load');
      if (fault) this.#configFault(fault);
    });
  }

  /** Attributes this widget cannot work without, by attribute name. Override and spread `super`'s. */
  protected requiredAttributes(): Record<string, unknown> {
    return {};
  }

  /** Settings the chosen adapter needs besides `endpoint`, from the widget's attributes (`service-code`). */
  protected adapterOptions(): AdapterOptions {
    return {};
  }

  /** Values whose change means `load()` must run again (e.g. the petition id). */
  protected loadKey(): unknown[] {
    return [];
  }

  /** Fetches what the widget shows. The result becomes `data` and is the `civic-load` event's detail. */
  protected load?(client: Client): Promise<Data>;

  /**
   * Called while a `load()` is on its way (in a task of its own, once the load has started): make here what showing the data will
   * need and is slow to make the first time on a page, such as the Intl formatters of a date (a tenth of a second on
   * a phone), so that it is made during the wait rather than after it.
   */
  protected prepareToShow(): void {}

  /**
   * The client class of the widget's resource (`PetitionsClient`, from `@civic-widgets/client/petitions`): made
   * on the page's shared core, so a widget downloads only its resource's schemas and still shares one outbox.
   */
  protected abstract readonly resource: ResourceClass<Client>;

  /** The widget's own content, inside the `base` wrapper that carries `lang` and `dir`. */
  protected abstract renderContent(): unknown;

  protected override willUpdate(changed: PropertyValues<this>) {
    const optionsKey = JSON.stringify(this.adapterOptions());
    const optionsChanged = optionsKey !== this.#adapterOptionsKey;
    this.#adapterOptionsKey = optionsKey;
    if (
      !this.hasUpdated ||
      optionsChanged ||
      changed.has('client') ||
      changed.has('endpoint') ||
      changed.has('adapter')
    ) {
      this.#resolveClient();
    }
    const missing = this.#missingAttribute();
    if (missing) this.#reportMissing(missing);
    else if (this.configProblem && 'attribute' in this.configProblem) this.configProblem = undefined;
    this.#loadIfNeeded();
  }

  #loadIfNeeded() {
    const client = this.activeClient;
    if (!this.load || !client || this.configProblem) return;
    const key = JSON.stringify(this.loadKey());
    if (this.#loadedFor?.client === client && this.#loadedFor.key === key) return;
    this.#loadedFor = { client, key };
    void this.reload();
  }

  /** Waits for the strings of the page's language as well, so tests and scripts see the final text. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const first = await super.getUpdateComplete();
    await this.l10n.ready;
    return (await super.getUpdateComplete()) && first;
  }

  /**
   * Runs `load()`. `quiet` keeps what is shown while it runs and ignores a failure (periodic refreshes);
   * otherwise the widget shows its loading state, then the data or the error.
   */
  protected async reload({ quiet = false } = {}): Promise<void> {
    const client = this.activeClient;
    if (!this.load || !client) return;
    const run = ++this.#loadRun;
    if (!quiet) this.loadStatus = 'loading';
    try {
      const loading = this.load(client);
      if (!quiet) setTimeout(() => this.prepareToShow());
      const data = await loading;
      if (run !== this.#loadRun) return;
      this.data = data;
      this.loadError = undefined;
      this.loadStatus = 'loaded';
      this.dispatchEvent(new CivicLoadEvent({ data }));
    } catch (error) {
      if (run !== this.#loadRun || quiet) return;
      this.loadError = toClientError(error);
      this.loadStatus = 'error';
      this.dispatchEvent(new CivicErrorEvent({ error: this.loadError, operation: 'load' }));
    }
  }

  /** Turns a custom state on or off: `civic-petition:state(submitting)`. */
  protected setCustomState(name: string, on: boolean) {
    const states = this.internals.states;
    try {
      if (on) states.add(name);
      else states.delete(name);
    } catch {
      // Chromium before 125 only accepted the `--name` form.
      if (on) states.add(`--${name}`);
      else states.delete(`--${name}`);
    }
  }

  /**
   * What a `SubmitController` needs from this widget: `new SubmitController(this, this.submitContext(), {...})`.
   * (The controller is not imported here, so widgets without a form do not download it.)
   */
  protected submitContext(): SubmitContext<Client> {
    return {
      client: () => this.activeClient,
      l10n: this.l10n as unknown as SubmitContext['l10n'],
      setState: (name, on) => this.setCustomState(name, on),
    };
  }

  protected override render() {
    return html`<div part="base" class="base" lang=${this.l10n.lang} dir=${this.l10n.dir}>
      ${this.configProblem ? this.renderConfigError(this.configProblem) : this.renderContent()}
    </div>`;
  }

  /** The same calm notice for every configuration problem: the resident can do nothing; the console says what to fix. */
  protected renderConfigError(_problem: ConfigProblem): TemplateResult {
    return html`<p class="notice error" part="error" role="alert">${this.l10n.t.common.configError}</p>`;
  }

  /** The loading message, or the load error with a retry button; `nothing` once loaded. */
  protected renderLoadState(loadingText: string, describeError?: (error: ClientError) => string | undefined) {
    if (this.loadStatus === 'error' && this.loadError) {
      const common = this.l10n.t.common;
      const message = describeError?.(this.loadError) ?? clientErrorMessage(this.loadError, common);
      return html`<div class="notice error" part="error" role="alert">
        <p>${message}</p>
        <button type="button" class="secondary" @click=${() => this.reload()}>${common.retry}</button>
      </div>`;
    }
    if (this.loadStatus !== 'loaded') return html`<p part="status" role="status">${loadingText}</p>`;
    return nothing;
  }

  #missingAttribute(): string | undefined {
    if (this.configProblem && !('attribute' in this.configProblem)) return undefined;
    if (!this.client && !this.endpoint && this.adapter !== 'memory') return 'endpoint';
    return Object.entries(this.requiredAttributes()).find(([, value]) => value === undefined || value === '')?.[0];
  }

  #reportMissing(attribute: string) {
    this.configProblem = { attribute };
    const key = `${this.localName} ${attribute}`;
    if (this.#reported.has(key)) return;
    this.#reported.add(key);
    const hint =
      attribute === 'endpoint'
        ? ' Set it to the URL of your Civic Widgets backend, set adapter="memory" for demo data, or give the element a client through its .client property.'
        : '';
    console.error(`Civic Widgets: <${this.localName}> needs the "${attribute}" attribute.${hint}`, this);
  }

  /** Shows the configuration notice for `fault` (what to fix), logged once per element and fault. */
  #configFault(fault: string) {
    this.configProblem = { fault };
    if (this.#reported.has(fault)) return;
    this.#reported.add(fault);
    console.error(`Civic Widgets: <${this.localName}> ${fault}`, this);
  }

  #resolveClient() {
    const request = ++this.#clientRequest;
    if (this.configProblem && !('attribute' in this.configProblem)) this.configProblem = undefined;
    if (!this.client && !isAdapterName(this.adapter)) {
      this.activeClient = undefined;
      this.configProblem = { adapter: this.adapter };
      console.error(
        `Civic Widgets: <${this.localName}> has adapter="${this.adapter}"; use ${ADAPTERS.join(', ')}.`,
        this,
      );
      return;
    }
    if (this.client) {
      this.activeClient = this.client;
      return;
    }
    this.activeClient = undefined;
    if (!this.endpoint && this.adapter !== 'memory') return;
    sharedClient(this.endpoint, this.adapter, this.adapterOptions(), this.resource).then(
      (client) => {
        if (request === this.#clientRequest) this.activeClient = client;
      },
      (error: unknown) => {
        // An adapter's import (a CDN chunk that did not arrive), or an adapter refusing its settings.
        if (request !== this.#clientRequest) return;
        this.loadError = toClientError(error);
        const fault = configurationFault(this.loadError);
        if (fault) this.#configFault(fault);
        else this.loadStatus = 'error';
      },
    );
  }
}
