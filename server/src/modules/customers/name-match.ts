/**
 * ACC-2: names in the form and in the records must be the same person or company, whatever the case,
 * diacritics, quotes or word order ('SIA "Demo Būve"' = 'Demo buve SIA').
 */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .sort()
    .join(' ');
}
