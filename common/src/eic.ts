/**
 * Energy Identification Codes (ENTSO-E EIC): 16 characters of 0-9, A-Z and '-', the 16th a check character
 * computed from the first 15 (GRD-1). Weights 16 down to 2; the character values are 0-9, A-Z = 10-35,
 * '-' = 36; the check value is 36 - ((sum - 1) mod 37), and a check value of 36 ('-') is not allowed.
 */

const EIC_SHAPE = /^[0-9A-Z][0-9A-Z-]{14}[0-9A-Z]$/;

function valueOf(character: string): number {
  if (character === '-') return 36;
  const code = character.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 55;
}

function characterOf(value: number): string {
  if (value === 36) return '-';
  return value < 10 ? String(value) : String.fromCharCode(value + 55);
}

/** The check character of the first 15 characters of an EIC. */
export function eicCheckCharacter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) sum += valueOf(first15[i]) * (16 - i);
  return characterOf(36 - ((sum - 1) % 37));
}

/** Why the code is not a valid EIC, or null when it is. */
export function eicProblem(code: string): string | null {
  if (code.length !== 16) return 'must be 16 characters';
  if (!EIC_SHAPE.test(code)) return 'may hold only 0-9, A-Z and "-" (not first or last)';
  const expected = eicCheckCharacter(code.slice(0, 15));
  if (expected !== code[15]) return `wrong check character (expected ${expected})`;
  return null;
}

export function isValidEic(code: string): boolean {
  return eicProblem(code) === null;
}

/** A 16-character EIC from a 15-character stem (demo data, tests). */
export function withEicCheckCharacter(first15: string): string {
  return first15 + eicCheckCharacter(first15);
}
