import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, parsePasswordHash, SCRYPT_PARAMS, verifyPassword } from './password.ts';

describe(hashPassword.name, () => {
  it('should store scrypt with N = 2^15, r = 8, p = 1, a 16-byte salt and a 32-byte key', async () => {
    const stored = await hashPassword('正确的马电池订书钉');
    expect(stored).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(parsePasswordHash(stored)).toMatchObject({ log2N: 15, r: 8, p: 1, keyLength: 32, saltLength: 16 });
    expect(SCRYPT_PARAMS).toEqual({ log2N: 15, r: 8, p: 1, keyLength: 32, saltLength: 16 });
  });

  it('should salt every hash, so the same password never hashes the same twice', async () => {
    expect(await hashPassword('same-password')).not.toBe(await hashPassword('same-password'));
  });
});

describe(verifyPassword.name, () => {
  it('should accept the password and refuse any other, including a different Unicode form of another text', async () => {
    const stored = await hashPassword('Café-2026!');
    expect(await verifyPassword('Café-2026!', stored)).toBe(true);
    // NFC normalisation: the decomposed é is the same password.
    expect(await verifyPassword('Cafe\u0301-2026!', stored)).toBe(true);
    expect(await verifyPassword('cafe-2026!', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('should verify hashes made with other parameters, as stored with them', async () => {
    const cheap = await hashPassword('old-password', { ...SCRYPT_PARAMS, log2N: 10 });
    expect(cheap.startsWith('scrypt$10$')).toBe(true);
    expect(await verifyPassword('old-password', cheap)).toBe(true);
  });

  it('should never match a malformed stored hash', async () => {
    for (const stored of [
      '',
      'plain',
      'scrypt$15$8$1$abc',
      'bcrypt$x$y$z$a$b',
      'scrypt$40$8$1$AAAA$AAAAAAAAAAAAAAAAAAAAAA==',
    ]) {
      expect(await verifyPassword('x', stored)).toBe(false);
    }
  });
});

describe(generatePassword.name, () => {
  it('should give 20 unambiguous base58 characters, different every time', () => {
    const passwords = new Set(Array.from({ length: 50 }, () => generatePassword()));
    expect(passwords.size).toBe(50);
    for (const p of passwords) expect(p).toMatch(/^[1-9A-HJ-NP-Za-km-z]{20}$/);
  });
});
