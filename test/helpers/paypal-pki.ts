import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PKI shaped like PayPal's, made with openssl at test time (no key is committed):
 * a root CA, an intermediate CA, and leaves signed with one RSA key, valid from now for 30 days.
 * The certificate URL serves `chain` (leaf + intermediate); the endpoint trusts `rootPem`.
 */
export interface PaypalTestPki {
  readonly rootPem: string;
  readonly intermediatePem: string;
  /** The key of every leaf below: a signature made with it verifies under each of them. */
  readonly leafKeyPem: string;
  readonly leafPem: string;
  /** Leaf + intermediate, as PayPal's certificate URL would serve it. */
  readonly chain: string;
  readonly sandboxChain: string;
  /** Right name, signed by a CA the endpoint does not trust. */
  readonly untrustedChain: string;
  readonly untrustedRootPem: string;
  /** Right name, no issuer at all. */
  readonly selfSigned: string;
  /** Signed by the trusted intermediate, for a name that is not PayPal's. */
  readonly wrongSubjectChain: string;
  /** PayPal's name, issued by a certificate that is not a CA. */
  readonly issuedByNonCaChain: string;
}

export const LIVE_SUBJECT =
  '/C=US/ST=California/L=San Jose/O=PayPal, Inc./OU=Partner Support/CN=messageverificationcerts.paypal.com';
const SANDBOX_SUBJECT = LIVE_SUBJECT.replace(
  'messageverificationcerts.paypal.com',
  'messageverificationcerts.sandbox.paypal.com',
);

let cached: PaypalTestPki | undefined;

/** Build the PKI once per test process (RSA key generation is the slow part). */
export function paypalTestPki(): PaypalTestPki {
  cached ??= build();
  return cached;
}

function build(): PaypalTestPki {
  const dir = mkdtempSync(join(tmpdir(), 'hookgate-paypal-pki-'));
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  try {
    writeFileSync(
      join(dir, 'ca.ext'),
      'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n',
    );
    writeFileSync(
      join(dir, 'leaf.ext'),
      'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n',
    );

    const selfSignedCa = (name: string, cn: string) =>
      ssl(
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        `${name}.key`,
        '-out',
        `${name}.pem`,
        '-subj',
        `/O=Hookgate Test/CN=${cn}`,
        '-days',
        '3650',
        '-addext',
        'basicConstraints=critical,CA:TRUE',
        '-addext',
        'keyUsage=critical,keyCertSign,cRLSign',
      );
    const issue = (csr: string, ca: string, out: string, ext: string, serial: number, days = 30) =>
      ssl(
        'x509',
        '-req',
        '-in',
        csr,
        '-CA',
        `${ca}.pem`,
        '-CAkey',
        `${ca}.key`,
        '-set_serial',
        String(serial),
        '-days',
        String(days),
        '-sha256',
        '-extfile',
        ext,
        '-out',
        out,
      );
    const csr = (subject: string, out: string, key = 'leaf.key') =>
      ssl('req', '-new', '-key', key, '-subj', subject, '-out', out);

    selfSignedCa('root', 'Hookgate Test Root CA');
    selfSignedCa('evil-root', 'Untrusted Root CA');
    ssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'int.key',
      '-subj',
      '/O=Hookgate Test/CN=Hookgate Test Intermediate CA',
      '-out',
      'int.csr',
    );
    issue('int.csr', 'root', 'int.pem', 'ca.ext', 2, 1825);

    ssl('genrsa', '-out', 'leaf.key', '2048');
    csr(LIVE_SUBJECT, 'leaf.csr');
    issue('leaf.csr', 'int', 'leaf.pem', 'leaf.ext', 10);
    csr(SANDBOX_SUBJECT, 'sandbox.csr');
    issue('sandbox.csr', 'int', 'sandbox.pem', 'leaf.ext', 11);
    issue('leaf.csr', 'evil-root', 'untrusted.pem', 'leaf.ext', 12);
    csr('/O=Evil Corp/CN=messageverificationcerts.paypal.com.evil.test', 'wrong.csr');
    issue('wrong.csr', 'int', 'wrong.pem', 'leaf.ext', 13);
    ssl(
      'req',
      '-x509',
      '-key',
      'leaf.key',
      '-subj',
      LIVE_SUBJECT,
      '-days',
      '30',
      '-out',
      'self.pem',
    );
    // A leaf (not a CA) used as an issuer: wrong.pem with leaf.key signs a PayPal-named cert.
    ssl(
      'x509',
      '-req',
      '-in',
      'leaf.csr',
      '-CA',
      'wrong.pem',
      '-CAkey',
      'leaf.key',
      '-set_serial',
      '14',
      '-days',
      '30',
      '-sha256',
      '-extfile',
      'leaf.ext',
      '-out',
      'by-non-ca.pem',
    );

    const intermediatePem = read('int.pem');
    return {
      rootPem: read('root.pem'),
      intermediatePem,
      leafKeyPem: read('leaf.key'),
      leafPem: read('leaf.pem'),
      chain: read('leaf.pem') + intermediatePem,
      sandboxChain: read('sandbox.pem') + intermediatePem,
      untrustedChain: read('untrusted.pem') + read('evil-root.pem'),
      untrustedRootPem: read('evil-root.pem'),
      selfSigned: read('self.pem'),
      wrongSubjectChain: read('wrong.pem') + intermediatePem,
      issuedByNonCaChain: read('by-non-ca.pem') + read('wrong.pem') + intermediatePem,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
