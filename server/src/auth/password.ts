import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt parameters: N = 2^15, r = 8 uses 32 MiB and about 50–100 ms per hash on this class of machine, the OWASP
 * minimum for scrypt. They are stored with each hash, so raising them later leaves old hashes verifiable.
 */
export const SCRYPT_PARAMS: Readonly<ScryptParams> = Object.freeze({
  log2N: 15,
  r: 8,
  p: 1,
  keyLength: 32,
  saltLength: 16,
});
export interface ScryptParams {
  log2N: number;
  r: number;
  p: number;
  keyLength: number;
  saltLength: number;
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.log2N;
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      params.keyLength,
      // maxmem above 128·N·r, or Node refuses the parameters.
      { N, r: params.r, p: params.p, maxmem: 256 * N * params.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** `scrypt$<log2 N>$<r>$<p>$<salt>$<key>` with base64 salt and key. */
export async function hashPassword(password: string, params: ScryptParams = SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(params.saltLength);
  const key = await derive(password, salt, params);
  return ['scrypt', params.log2N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export function parsePasswordHash(stored: string): (ScryptParams & { salt: Buffer; key: Buffer }) | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [log2N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4] as string, 'base64');
  const key = Buffer.from(parts[5] as string, 'base64');
  if (![log2N, r, p].every(Number.isInteger) || log2N < 10 || log2N > 20 || key.length < 16) return null;
  return { log2N, r, p, keyLength: key.length, saltLength: salt.length, salt, key };
}

/** Constant-time comparison; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parsePasswordHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** A password that is hard to guess and easy to type from a terminal: 20 characters of base58. */
export function generatePassword(length = 20): string {
  const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 58 · 4 = 232: rejecting bytes ≥ 232 keeps every character equally likely.
      if (byte < 232 && out.length < length) out += alphabet[byte % 58];
    }
  }
  return out;
}
