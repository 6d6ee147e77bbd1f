import { configurationError } from '@civic-widgets/client/adapters/configuration';
import { type Open311Adapter, open311Adapter } from '@civic-widgets/client/adapters/open311';
import type { AdapterOptions } from './client.js';

// Loaded only with adapter="open311": the parsing of its attributes is not part of any widget's first download.

const bad = (attribute: string, value: string, expected: string) =>
  configurationError(`Open311: the ${attribute} attribute is "${value}"; ${expected}.`);

/** `location="53.80,-1.55"`: a fixed point, latitude then longitude (`location="ask"` is not read here). */
function parseLocation(value: string): { lat: number; lng: number } {
  const [lat, lng, extra] = value.split(',').map((part) => (part.trim() ? Number(part) : Number.NaN));
  if (extra !== undefined || !(Math.abs(lat!) <= 90 && Math.abs(lng!) <= 180)) {
    throw bad('location', value, 'write a latitude and a longitude in degrees, e.g. location="53.80,-1.55"');
  }
  return { lat: lat!, lng: lng! };
}

/** `service-attributes="channel=web|source=site"`: fixed answers, `code=value` pairs as `reasons` lists choices. */
function parseAttributes(value: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const item of value.split('|')) {
    if (!item.trim()) continue;
    const at = item.indexOf('=');
    const code = item.slice(0, at).trim();
    if (at < 1 || !code || /[[\]]/.test(code)) {
      throw bad('service-attributes', value, 'write code=value pairs separated by |, e.g. "channel=web|source=site"');
    }
    attributes[code] = item.slice(at + 1).trim();
  }
  return attributes;
}

/** The Open311 adapter a widget's attributes describe; a value it cannot read is a configuration error naming it. */
export function open311FromAttributes(endpoint: string, options: AdapterOptions): Open311Adapter {
  return open311Adapter({
    endpoint,
    serviceCode: options.serviceCode ?? '',
    jurisdictionId: options.jurisdictionId || undefined,
    addressString: options.address || undefined,
    // `ask`: the resident says where, and each feedback carries it (feedback/location.ts).
    location: options.location && options.location !== 'ask' ? parseLocation(options.location) : undefined,
    attributes: options.serviceAttributes ? parseAttributes(options.serviceAttributes) : undefined,
  });
}
