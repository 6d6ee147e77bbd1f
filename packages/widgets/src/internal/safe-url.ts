const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A link from the server, or `undefined` when it must not be shown: only `https:` URLs pass, and `http:` ones
 * on localhost (development). Everything else (`javascript:`, `data:`, relative paths, junk) is dropped.
 */
export function safeHref(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol === 'https:') return url.href;
  if (url.protocol === 'http:' && (LOCAL_HOSTS.has(url.hostname) || url.hostname.endsWith('.localhost'))) {
    return url.href;
  }
  return undefined;
}
