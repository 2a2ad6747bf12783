import { describe, expect, it } from 'vitest';
import { checkTokenForm, curlExample, expiryBounds, lastValidDay, mayManageDataTokens, tokenObjectNames, tokenState } from './dataTokens.ts';

const today = '2026-03-10';
const valid = { name: ' Energy app ', scope: 'all' as const, objectIds: [], expiresOn: '2026-06-08' };

describe('mayManageDataTokens', () => {
  it('shows the section to the main user where the metering or permits module is on', () => {
    expect(mayManageDataTokens({ modules: ['accounts', 'metering'] }, { role: 'main' })).toBe(true);
    expect(mayManageDataTokens({ modules: ['accounts', 'permits'] }, { role: 'main' })).toBe(true);
  });

  it('hides it from additional users, without the module, without a customer or an operator profile', () => {
    expect(mayManageDataTokens({ modules: ['metering'] }, { role: 'additional' })).toBe(false);
    expect(mayManageDataTokens({ modules: ['accounts', 'billing'] }, { role: 'main' })).toBe(false);
    expect(mayManageDataTokens({ modules: ['metering'] }, null)).toBe(false);
    expect(mayManageDataTokens(undefined, { role: 'main' })).toBe(false);
  });
});

describe('expiryBounds', () => {
  it('allows tomorrow to a year ahead (366 days, as the server) and proposes 90 days', () => {
    expect(expiryBounds(today)).toEqual({ min: '2026-03-11', max: '2027-03-11', initial: '2026-06-08' });
    expect(expiryBounds('2027-12-31').max).toBe('2028-12-31');
  });
});

describe('checkTokenForm', () => {
  it('gives the body for all objects (null) with the name trimmed', () => {
    expect(checkTokenForm(valid, today)).toEqual({ body: { name: 'Energy app', objectIds: null, expiresOn: '2026-06-08' }, errors: {} });
  });

  it('gives the chosen objects once each, and keeps them out when all are chosen', () => {
    expect(checkTokenForm({ ...valid, scope: 'chosen', objectIds: ['o1', 'o2', 'o1'] }, today).body?.objectIds).toEqual(['o1', 'o2']);
    expect(checkTokenForm({ ...valid, scope: 'all', objectIds: ['o1'] }, today).body?.objectIds).toBeNull();
  });

  it('names every field that is wrong', () => {
    expect(checkTokenForm({ name: '  ', scope: 'chosen', objectIds: [], expiresOn: '2026-02-30' }, today)).toEqual({
      body: null,
      errors: { name: 'name', objectIds: 'objects', expiresOn: 'expiresOn' },
    });
    expect(checkTokenForm({ ...valid, name: 'x'.repeat(61) }, today).errors).toEqual({ name: 'nameTooLong' });
    expect(checkTokenForm({ ...valid, scope: 'chosen', objectIds: Array.from({ length: 101 }, (_, i) => `o${i}`) }, today).errors)
      .toEqual({ objectIds: 'tooManyObjects' });
  });

  it('takes an expiry after today and at most a year ahead', () => {
    expect(checkTokenForm({ ...valid, expiresOn: today }, today).errors).toEqual({ expiresOn: 'expiresTooSoon' });
    expect(checkTokenForm({ ...valid, expiresOn: '2026-03-11' }, today).errors).toEqual({});
    expect(checkTokenForm({ ...valid, expiresOn: '2027-03-11' }, today).errors).toEqual({});
    expect(checkTokenForm({ ...valid, expiresOn: '2027-03-12' }, today).errors).toEqual({ expiresOn: 'expiresTooLate' });
  });
});

describe('tokenState and lastValidDay', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  it('is revoked once revoked, expired from its expiry on, active before', () => {
    expect(tokenState({ revokedAt: '2026-03-01T10:00:00Z', expiresAt: '2026-06-01T21:00:00Z' }, now)).toBe('revoked');
    expect(tokenState({ revokedAt: null, expiresAt: '2026-03-10T12:00:00Z' }, now)).toBe('expired');
    expect(tokenState({ revokedAt: null, expiresAt: '2026-03-10T12:00:01Z' }, now)).toBe('active');
  });

  it('shows the Riga day a token is valid through (it expires at the next Riga midnight)', () => {
    // winter (UTC+2) and summer (UTC+3) midnights
    expect(lastValidDay('2026-03-10T22:00:00.000Z')).toBe('2026-03-10');
    expect(lastValidDay('2026-06-08T21:00:00.000Z')).toBe('2026-06-08');
  });
});

describe('tokenObjectNames', () => {
  const objects = [{ id: 'o1', address: 'Rīga, Brīvības iela 1' }, { id: 'o2', address: 'Jūrmala, Jomas iela 2' }];
  it('answers null for all objects and the addresses of chosen ones, an unknown id as it is', () => {
    expect(tokenObjectNames(null, objects)).toBeNull();
    expect(tokenObjectNames(['o2', 'gone'], objects)).toEqual(['Jūrmala, Jomas iela 2', 'gone']);
  });
});

describe('curlExample', () => {
  it('reads the customer\'s objects with the token as a bearer token', () => {
    expect(curlExample('https://portal.example', 'c 1', 'upd_abc')).toBe(
      'curl -H "Authorization: Bearer upd_abc" https://portal.example/api/customers/c%201/objects',
    );
  });
});
