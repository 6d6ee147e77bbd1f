import type { Service } from '@civic-widgets/client';
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

/**
 * Replaces the host's JSON-LD scripts (in its light DOM, where crawlers read them) with one per service. Built
 * through the DOM, never parsed as HTML, and `<` escaped, so that no serialization of the page can end a script.
 */
export function writeJsonLd(host: HTMLElement, services: Service[]) {
  for (const old of host.querySelectorAll(':scope > script[data-civic-json-ld]')) old.remove();
  for (const service of services) {
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    script.dataset.civicJsonLd = '';
    script.textContent = jsonLd(service, safeHref(service.url));
    host.append(script);
  }
}
