/**
 * The address of the page that feedback is about, without query string, fragment or credentials: those often
 * carry a resident's search terms, email, tokens or session ids, which feedback has no use for. `undefined` for
 * anything but an `http:` or `https:` URL.
 */
export function stripPageUrl(href: string): string | undefined {
  try {
    const url = new URL(href);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return `${url.origin}${url.pathname}`;
  } catch {
    return undefined;
  }
}
