const GMAIL = new Set(['gmail.com', 'googlemail.com']);

/**
 * The form of an email address used to count one signature per person: case and surrounding spaces never
 * matter; at Gmail, dots and `+tags` in the local part are ignored and googlemail.com is gmail.com. Only for
 * matching: the address is stored as typed, because other providers treat dots and tags as distinct.
 */
export function emailKey(email: string): string {
  const trimmed = email.trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  if (at < 0) return trimmed;
  let local = trimmed.slice(0, at);
  let domain = trimmed.slice(at + 1);
  if (GMAIL.has(domain)) {
    domain = 'gmail.com';
    local = local.split('+')[0]!.replaceAll('.', '');
  }
  return `${local}@${domain}`;
}
