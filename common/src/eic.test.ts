import { describe, expect, it } from 'vitest';
import { eicProblem, isValidEic, withEicCheckCharacter } from './eic.ts';

describe('EIC codes (GRD-1)', () => {
  it('GRD-1: accepts published EIC codes of bidding zones', () => {
    for (const code of ['10YLV-1001A00074', '10Y1001A1001A83F', '10YFI-1--------U', '10YLT-1001A0008Q', '10YSE-1--------K']) {
      expect(isValidEic(code), code).toBe(true);
    }
  });

  it('GRD-1: refuses a wrong check character, a wrong length and bad characters, saying why', () => {
    expect(eicProblem('10YLV-1001A00075')).toBe('wrong check character (expected 4)');
    expect(eicProblem('10YLV-1001A0007')).toBe('must be 16 characters');
    expect(eicProblem('10ylv-1001A00074')).toMatch(/0-9, A-Z/);
  });

  it('GRD-1: a stem gets the check character that makes it valid', () => {
    const code = withEicCheckCharacter('38ZEELV00000001');
    expect(code).toHaveLength(16);
    expect(isValidEic(code)).toBe(true);
  });
});
