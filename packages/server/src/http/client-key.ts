import { createHmac, randomBytes } from 'node:crypto';

/**
 * Rate limits need to recognise a client without keeping its address. The key is an HMAC of the IP under a
 * secret derived from a per-process random value and today's date (UTC), so it changes every day and cannot
 * be reversed or matched across days; the raw IP is never stored or logged.
 */
export function clientKeyer(secret: Buffer = randomBytes(32), now: () => Date = () => new Date()) {
  let day = '';
  let dayKey = Buffer.alloc(0);
  return (ip: string): string => {
    const today = now().toISOString().slice(0, 10);
    if (today !== day) {
      day = today;
      dayKey = createHmac('sha256', secret).update(today).digest();
    }
    return createHmac('sha256', dayKey).update(ip).digest('base64url').slice(0, 22);
  };
}
