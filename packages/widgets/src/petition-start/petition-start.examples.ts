import { ClientError, createCore } from '@civic-widgets/client/core';
import {
  type Proposal,
  type ProposalReceipt,
  ProposalsClient,
  type SimilarPetitions,
} from '@civic-widgets/client/proposals';
import { oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import type { Example } from '../test-support/examples.js';
import { deferred, delivered, queued } from '../test-support/fake-client.js';
import '../define/civic-petition-start.js';

type Calls = Partial<Record<'propose' | 'similar' | 'proposal' | 'sponsor', (...args: never[]) => Promise<unknown>>>;
export type FakeProposalsClient = ProposalsClient & { calls: { method: string; args: unknown[] }[] };

/**
 * A real `ProposalsClient` (so `instanceof` and the outbox's events work) whose methods are the test's, recording
 * every call. The widget's own tests use it rather than stubbing `fetch`.
 */
export function proposalsClient(methods: Calls = {}): FakeProposalsClient {
  const client = new ProposalsClient(
    createCore({ endpoint: 'https://fake.test', autoFlush: false }),
  ) as FakeProposalsClient;
  client.calls = [];
  const all: Calls = { similar: async () => ({ data: [] }), propose: async () => delivered(receipt), ...methods };
  for (const [name, implementation] of Object.entries(all)) {
    Object.defineProperty(client, name, {
      value: (...args: unknown[]) => {
        client.calls.push({ method: name, args });
        return (implementation as (...a: unknown[]) => Promise<unknown>)(...args);
      },
    });
  }
  return client;
}

export const receipt: ProposalReceipt = { id: 'prop-1', status: 'unconfirmed', sponsorsNeeded: 5 };

export const similarFound: SimilarPetitions = {
  data: [
    {
      id: 'safer-crossings',
      title: 'Build safe crossings on Station Road',
      signatureCount: 8412,
      url: 'https://example.gov/petitions/safer-crossings',
    },
    { id: 'school-streets', title: 'School streets for every primary school', signatureCount: 1 },
  ],
};

export const gathering: Proposal = {
  id: 'prop-1',
  title: 'Plant street trees on Mill Lane',
  background: 'Mill Lane has no shade.\n\nTrees would cool it in summer.',
  status: 'gathering',
  sponsorCount: 2,
  sponsorsNeeded: 5,
};

export const rejectedDuplicate: Proposal = {
  ...gathering,
  status: 'rejected',
  rejection: { reason: 'duplicate', note: 'Sign “Green Mill Lane” instead.' },
};

/** Rejected as offensive: the backend leaves its text out. */
export const rejectedOffensive: Proposal = {
  id: 'prop-2',
  status: 'rejected',
  sponsorCount: 5,
  sponsorsNeeded: 5,
  rejection: { reason: 'offensive' },
};

/** The backend's 404 for an unknown proposal: a problem document, so not a wrong endpoint. */
export const notFound = new ClientError('http', 'Not found', {
  status: 404,
  problem: { type: 'https://civic-widgets.org/problems/not-found', title: 'Not found', status: 404 },
});

const shadow = (element: HTMLElement) => element.shadowRoot!;

/** Waits until the start form, or the proposal of a sponsor link, is shown. */
export async function ready(element: HTMLElement) {
  await waitUntil(() => shadow(element).querySelector('h2'), 'the widget did not render');
}

/** Types into a control as a resident does: the value, then an `input` event. */
export function type(element: HTMLElement, id: string, value: string) {
  const control = shadow(element).querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!;
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

export type StartValues = Partial<Record<'title' | 'background' | 'details' | 'name' | 'email' | 'postcode', string>>;

/** Fills the start form (or, with `sponsor`, the support form: the person's fields only). */
export async function fillForm(
  element: HTMLElement,
  values: StartValues & { consent?: boolean } = {},
  { sponsor = false } = {},
) {
  await ready(element);
  if (!sponsor) {
    type(element, 'title', values.title ?? 'Plant street trees on Mill Lane');
    type(element, 'background', values.background ?? 'Mill Lane has no shade in summer.');
    if (values.details !== undefined) type(element, 'details', values.details);
  }
  type(element, 'name', values.name ?? 'Amina Okafor');
  type(element, 'email', values.email ?? 'amina@example.org');
  type(element, 'postcode', values.postcode ?? 'LS1 3AB');
  shadow(element).querySelector<HTMLInputElement>('#consent')!.checked = values.consent ?? true;
}

export async function submitForm(element: HTMLElement) {
  shadow(element).querySelector<HTMLButtonElement>('[part=submit-button]')!.click();
  await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

const start = (client: ProposalsClient) =>
  html`<civic-petition-start privacy-url="https://example.gov/privacy" .client=${client}></civic-petition-start>`;
const sponsorPage = (client: ProposalsClient, id = 'prop-1') =>
  html`<civic-petition-start proposal-id=${id} privacy-url="https://example.gov/privacy" .client=${client}></civic-petition-start>`;
const showing = (proposal: Proposal, sponsor?: () => Promise<unknown>) =>
  proposalsClient({ proposal: async () => structuredClone(proposal), ...(sponsor ? { sponsor } : {}) });

async function sent(element: HTMLElement, event: 'civic-success' | 'civic-queued' | 'civic-error', sponsor = false) {
  await fillForm(element, {}, { sponsor });
  const done = oneEvent(element, event);
  await submitForm(element);
  await done;
}

/** Every state of `<civic-petition-start>`; each one is checked with axe. */
export const examples: Example[] = [
  { name: 'start form', render: () => start(proposalsClient()), setup: ready },
  {
    name: 'similar petitions offered',
    render: () => start(proposalsClient({ similar: async () => similarFound })),
    setup: async (element) => {
      await ready(element);
      type(element, 'title', 'Safe crossings');
      await waitUntil(() => shadow(element).querySelector('.similar li'), 'no similar petitions', { timeout: 3000 });
    },
  },
  {
    name: 'validation errors',
    render: () => start(proposalsClient()),
    setup: async (element) => {
      await fillForm(element, { title: 'Trees', background: '', email: 'nope', postcode: '', consent: false });
      await submitForm(element);
    },
  },
  {
    name: 'submitting',
    render: () => start(proposalsClient({ propose: () => deferred().promise })),
    setup: async (element) => {
      await fillForm(element);
      await submitForm(element);
    },
  },
  {
    name: 'sent: check your email, share the sponsor link',
    render: () => start(proposalsClient()),
    setup: (element) => sent(element, 'civic-success'),
  },
  {
    name: 'queued while offline',
    render: () => start(proposalsClient({ propose: async () => queued() })),
    setup: (element) => sent(element, 'civic-queued'),
  },
  {
    name: 'sending failed',
    render: () =>
      start(
        proposalsClient({
          propose: async () => {
            throw new ClientError('network', 'Failed to fetch');
          },
        }),
      ),
    setup: (element) => sent(element, 'civic-error'),
  },
  { name: 'sponsor view', render: () => sponsorPage(showing(gathering)), setup: ready },
  {
    name: 'sponsored',
    render: () => sponsorPage(showing(gathering, async () => delivered({ status: 'unconfirmed' }))),
    setup: (element) => sent(element, 'civic-success', true),
  },
  {
    name: 'support queued while offline',
    render: () => sponsorPage(showing(gathering, async () => queued())),
    setup: (element) => sent(element, 'civic-queued', true),
  },
  { name: 'rejected as a duplicate', render: () => sponsorPage(showing(rejectedDuplicate)), setup: ready },
  { name: 'rejected, text hidden', render: () => sponsorPage(showing(rejectedOffensive), 'prop-2'), setup: ready },
  {
    name: 'proposal not found',
    render: () =>
      sponsorPage(
        proposalsClient({
          proposal: async () => {
            throw notFound;
          },
        }),
      ),
    setup: (element) => waitUntil(() => shadow(element).querySelector('[role=alert]')).then(() => undefined),
  },
  {
    name: 'Arabic, right to left, similar petitions offered',
    render: () => html`<div lang="ar">${start(proposalsClient({ similar: async () => similarFound }))}</div>`,
    setup: async (wrapper) => {
      const element = wrapper.querySelector<HTMLElement>('civic-petition-start')!;
      await ready(element);
      type(element, 'title', 'معبر آمن');
      await waitUntil(() => shadow(element).querySelector('.similar li'), 'no similar petitions', { timeout: 3000 });
    },
  },
];
