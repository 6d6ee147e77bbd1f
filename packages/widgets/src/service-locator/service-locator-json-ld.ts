import type { Service } from '@civic-widgets/client';
import { html, render } from 'lit';
import { safeHref } from '../internal/safe-url.js';

/**
 * schema.org `GovernmentService` JSON-LD for one service, ready to be the text of a
 * `<script type="application/ld+json">`: `<` is escaped so that the text can never close the script element.
 */
export function jsonLd(service: Service, url: string | undefined): string {
  const { location } = service;
  const data = {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: service.name,
    description: service.description,
    provider: { '@type': 'Organization', name: service.organization },
    url,
    availableChannel: {
      '@type': 'ServiceChannel',
      servicePhone: service.phone ? { '@type': 'ContactPoint', telephone: service.phone } : undefined,
      serviceLocation: {
        '@type': 'Place',
        name: location.name,
        address: { '@type': 'PostalAddress', streetAddress: location.address, postalCode: location.postcode },
        geo: { '@type': 'GeoCoordinates', latitude: location.lat, longitude: location.lng },
      },
    },
  };
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

// Hosts whose JSON-LD this module has written: the first write replaces scripts the page came with.
const written = new WeakSet<HTMLElement>();

/**
 * Replaces the host's JSON-LD scripts (in its light DOM, where crawlers read them) with one per service, `<`
 * escaped, so that no serialization of the page can end a script.
 *
 * Rendered by Lit, not built with `textContent`: giving a script element its text from code is a Trusted Types
 * sink even for JSON, so under `require-trusted-types-for 'script'` that was refused with a violation and no
 * JSON-LD was written. Lit makes the elements from a template (parsed through its own policy, and never run) and
 * the text is a plain binding.
 */
export function writeJsonLd(host: HTMLElement, services: Service[]) {
  if (!written.has(host)) {
    for (const old of host.querySelectorAll(':scope > script[data-civic-json-ld]')) old.remove();
    written.add(host);
  }
  render(
    services.map(
      (service) =>
        html`<script type="application/ld+json" data-civic-json-ld>${jsonLd(service, safeHref(service.url))}</script>`,
    ),
    host,
  );
}
