import { X509Certificate } from 'node:crypto';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * Every certificate in a PEM bundle, in order. Throws when the text holds none or one does not
 * parse: a bundle with garbage in it is a configuration or transport error, never "no trust".
 */
export function parsePemCertificates(pem: string): X509Certificate[] {
  const blocks = pem.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) throw new Error('no PEM "BEGIN CERTIFICATE" block was found');
  return blocks.map((block, i) => {
    try {
      return new X509Certificate(block);
    } catch (error) {
      throw new Error(`certificate #${i + 1} does not parse (${(error as Error).message})`);
    }
  });
}
