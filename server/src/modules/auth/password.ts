import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with OWASP's first recommended setting (Password Storage Cheat
 * Sheet): 19 MiB of memory, 2 passes, 1 lane. Memory-hard, so guessing on
 * GPUs costs as much memory per guess as here; about 25–40 ms per hash on one
 * core of our 2-core machines, which keeps a sign-in fast while a stolen hash
 * list stays expensive to crack. Raise memoryCost (not threads) on bigger
 * machines. The parameters are stored inside each hash, so changing them
 * later does not break existing passwords; `needsRehash` upgrades them on the
 * next successful sign-in.
 */
// algorithm 2 = Argon2id (the package's const enum cannot be imported under verbatimModuleSyntax).
const PARAMS = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const PARAMS_TAG = `m=${PARAMS.memoryCost},t=${PARAMS.timeCost},p=${PARAMS.parallelism}`;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  // No password on the account (single sign-on only): still spend the same time, so timing does not tell.
  if (!stored) {
    await verify(await dummyHash(), password).catch(() => false);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false; // a malformed stored hash is a failed sign-in, not a crash
  }
}

export function needsRehash(stored: string): boolean {
  return !stored.startsWith('$argon2id$') || !stored.includes(PARAMS_TAG);
}

let dummy: Promise<string> | undefined;
/** A hash of nothing, verified against when the email is unknown, so unknown and known emails take as long. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('not a password: equalises timing for unknown accounts');
  return dummy;
}
