import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';

/** Ed25519 keys for signed audit checkpoints that anyone can verify with the public key alone. */
export function newSigningKeyPair(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export const signMessage = (privatePem: string, message: string): string =>
  sign(null, Buffer.from(message, 'utf8'), createPrivateKey(privatePem)).toString('base64');

export function verifySignature(publicPem: string, message: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(message, 'utf8'), createPublicKey(publicPem), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
