import { ClientError, type Petition, type SignatureReceipt } from '@civic-widgets/client';
import { exampleSeed } from '@civic-widgets/client/adapters/memory';
import { oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import type { Example } from '../test-support/examples.js';
import { deferred, delivered, fakeClient, queued } from '../test-support/fake-client.js';
import '../define/civic-petition.js';
import '../define/civic-petition-counter.js';

const seeded = exampleSeed().petitions;
/** "Build safe crossings on Station Road": open, asks for a postcode, offers a public name. */
export const openPetition: Petition = seeded[0]!;
/** "Keep the Central Library open on Sundays": responded, asks for postcode and country. */
export const respondedPetition: Petition = seeded[1]!;
export const closedPetition: Petition = {
  ...openPetition,
  id: 'closed',
  status: 'closed',
  closesAt: '2026-01-31T23:59:59Z',
};

/** An open petition that asks for every optional signer field. */
export const askingEverything: Petition = { ...openPetition, signerFields: ['postcode', 'country'] };

export const counted = (signatureCount = openPetition.signatureCount + 1): SignatureReceipt => ({
  receiptId: 'receipt-1',
  status: 'counted',
  signatureCount,
});

/** A client that knows one petition and signs with `sign` (default: counted). */
export function petitionClient(petition: Petition, sign?: () => Promise<unknown>) {
  return fakeClient({
    getPetition: async () => structuredClone(petition),
    signPetition: sign ?? (async () => delivered(counted())),
  });
}

const shadow = (element: HTMLElement) => element.shadowRoot!;

/** Waits until the petition is shown. */
export async function loaded(element: HTMLElement) {
  await waitUntil(() => shadow(element).querySelector('h2'), 'the petition did not load');
}

/** Fills the signing form (postcode and country only when the petition asks for them). */
export async function fillForm(
  element: HTMLElement,
  values: Partial<Record<'name' | 'email' | 'postcode' | 'country', string>> & { consent?: boolean } = {},
) {
  await loaded(element);
  const root = shadow(element);
  const set = (id: string, value: string) => {
    const input = root.querySelector<HTMLInputElement>(`#${id}`);
    if (input) input.value = value;
  };
  set('name', values.name ?? 'Amina Okafor');
  set('email', values.email ?? 'amina@example.org');
  set('postcode', values.postcode ?? 'LS1 3AB');
  set('country', values.country ?? 'GB');
  root.querySelector<HTMLInputElement>('#consent')!.checked = values.consent ?? true;
}

export async function submitForm(element: HTMLElement) {
  shadow(element).querySelector<HTMLButtonElement>('[part=submit-button]')!.click();
  await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

/** Every state of `<civic-petition>` and `<civic-petition-counter>`; each one is checked with axe. */
export const examples: Example[] = [
  {
    name: 'loading',
    render: () =>
      html`<civic-petition petition-id="p" .client=${fakeClient({ getPetition: () => deferred().promise })}></civic-petition>`,
  },
  {
    name: 'loaded, open for signatures',
    render: () => html`<civic-petition petition-id="p" .client=${petitionClient(openPetition)}></civic-petition>`,
    setup: loaded,
  },
  {
    name: 'validation errors',
    render: () => html`<civic-petition petition-id="p" .client=${petitionClient(askingEverything)}></civic-petition>`,
    setup: async (element) => {
      await fillForm(element, { name: '', email: 'nope', postcode: '', country: 'Britain', consent: false });
      await submitForm(element);
    },
  },
  {
    name: 'submitting',
    render: () =>
      html`<civic-petition petition-id="p" .client=${petitionClient(openPetition, () => deferred().promise)}></civic-petition>`,
    setup: async (element) => {
      await fillForm(element);
      await submitForm(element);
    },
  },
  {
    name: 'success, signature counted',
    render: () => html`<civic-petition petition-id="p" .client=${petitionClient(openPetition)}></civic-petition>`,
    setup: async (element) => {
      await fillForm(element);
      const done = oneEvent(element, 'civic-success');
      await submitForm(element);
      await done;
    },
  },
  {
    name: 'pending email confirmation',
    render: () =>
      html`<civic-petition petition-id="p" .client=${petitionClient(openPetition, async () => delivered({ ...counted(), status: 'pending_confirmation' }))}></civic-petition>`,
    setup: async (element) => {
      await fillForm(element);
      const done = oneEvent(element, 'civic-success');
      await submitForm(element);
      await done;
    },
  },
  {
    name: 'queued while offline',
    render: () =>
      html`<civic-petition petition-id="p" .client=${petitionClient(openPetition, async () => queued())}></civic-petition>`,
    setup: async (element) => {
      await fillForm(element);
      const done = oneEvent(element, 'civic-queued');
      await submitForm(element);
      await done;
    },
  },
  {
    name: 'signing failed',
    render: () =>
      html`<civic-petition petition-id="p" .client=${petitionClient(openPetition, async () => {
        throw new ClientError('http', 'Conflict', { status: 409 });
      })}></civic-petition>`,
    setup: async (element) => {
      await fillForm(element);
      const done = oneEvent(element, 'civic-error');
      await submitForm(element);
      await done;
    },
  },
  {
    name: 'closed',
    render: () => html`<civic-petition petition-id="p" .client=${petitionClient(closedPetition)}></civic-petition>`,
    setup: loaded,
  },
  {
    name: 'responded',
    render: () => html`<civic-petition petition-id="p" .client=${petitionClient(respondedPetition)}></civic-petition>`,
    setup: loaded,
  },
  {
    name: 'load failed',
    render: () =>
      html`<civic-petition petition-id="p" .client=${fakeClient({
        getPetition: async () => {
          throw new ClientError('http', 'Not found', { status: 404 });
        },
      })}></civic-petition>`,
    setup: (element) => waitUntil(() => shadow(element).querySelector('[role=alert]')).then(() => undefined),
  },
  {
    name: 'configuration error',
    render: () => html`<civic-petition petition-id="p"></civic-petition>`,
  },
  {
    name: 'Arabic, right to left',
    render: () =>
      html`<div lang="ar"><civic-petition petition-id="p" .client=${petitionClient(openPetition)}></civic-petition></div>`,
    setup: async (wrapper) => loaded(wrapper.querySelector('civic-petition')!),
  },
  {
    name: 'counter',
    render: () =>
      html`<civic-petition-counter petition-id="p" .client=${petitionClient(openPetition)}></civic-petition-counter>`,
    setup: async (element) => {
      await waitUntil(() => shadow(element).querySelector('progress'));
    },
  },
];
