// ACC-3: the e-mail address is the username and is compared case-insensitively.

export const EMAIL_MAX_LENGTH = 254;

export function normalizeEmail(s: string): string {
  return s.trim().toLowerCase();
}

/**
 * A deliberately simple check (the activation e-mail is the real proof): one '@', a local part of
 * 1–64 characters without spaces or dots at its ends, and a domain of dot-separated labels ending in
 * a letter TLD. Unicode letters are allowed for internationalised addresses. Surrounding whitespace
 * is ignored, as normalizeEmail strips it.
 */
export function isPlausibleEmail(s: string): boolean {
  const email = s.trim();
  if (email.length > EMAIL_MAX_LENGTH) return false;
  const at = email.lastIndexOf('@');
  if (at < 0) return false;
  return isPlausibleLocalPart(email.slice(0, at)) && isPlausibleDomain(email.slice(at + 1));
}

function isPlausibleLocalPart(local: string): boolean {
  if (local.length < 1 || local.length > 64) return false;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  return /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]+$/u.test(local);
}

function isPlausibleDomain(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  const label = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
  if (!labels.every((l) => label.test(l))) return false;
  return /^\p{L}{2,}$/u.test(labels[labels.length - 1]);
}
