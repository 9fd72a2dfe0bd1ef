import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PKI shaped like SNS's, made with openssl at test time the way paypal-pki.ts does
 * (node:crypto cannot issue X.509; no key is committed): a root CA, an intermediate CA, a leaf
 * named sns.amazonaws.com, valid from now for 30 days. SigningCertURL serves `chain`; the
 * endpoint trusts `rootPem` (options.caPem).
 */
export interface SnsTestPki {
  readonly rootPem: string;
  readonly leafKeyPem: string;
  /** Leaf + intermediate. */
  readonly chain: string;
  /** Leaf alone, as SNS serves it (its issuer must come from elsewhere). */
  readonly leafPem: string;
  /** Right name, issued by a root the endpoint does not trust. */
  readonly untrustedChain: string;
  /** Signed by the trusted intermediate, for a name that is not SNS's. */
  readonly wrongSubjectChain: string;
  /**
   * Shaped like an opt-in region's leaf (af-south-1): CN `sns-signing.af-south-1.amazonaws.com`,
   * SANs that and `sns.af-south-1.amazonaws.com`, no `sns.amazonaws.com`; same key as the leaf.
   */
  readonly regionalChain: string;
}

let cached: SnsTestPki | undefined;

export function snsTestPki(): SnsTestPki {
  cached ??= build();
  return cached;
}

function build(): SnsTestPki {
  const dir = mkdtempSync(join(tmpdir(), 'hookgate-sns-pki-'));
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
    const root = (name: string) =>
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
        `/O=Hookgate Test/CN=${name} CA`,
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
    root('root');
    root('evil');
    ssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'int.key',
      '-subj',
      '/O=Hookgate Test/CN=SNS Test Intermediate',
      '-out',
      'int.csr',
    );
    issue('int.csr', 'root', 'int.pem', 'ca.ext', 2, 1825);
    ssl('genrsa', '-out', 'leaf.key', '2048');
    ssl('req', '-new', '-key', 'leaf.key', '-subj', '/CN=sns.amazonaws.com', '-out', 'leaf.csr');
    issue('leaf.csr', 'int', 'leaf.pem', 'leaf.ext', 10);
    issue('leaf.csr', 'evil', 'untrusted.pem', 'leaf.ext', 11);
    ssl(
      'req',
      '-new',
      '-key',
      'leaf.key',
      '-subj',
      '/CN=sns.amazonaws.com.evil.test',
      '-out',
      'wrong.csr',
    );
    issue('wrong.csr', 'int', 'wrong.pem', 'leaf.ext', 12);
    writeFileSync(
      join(dir, 'regional.ext'),
      'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n' +
        'subjectAltName=DNS:sns-signing.af-south-1.amazonaws.com,DNS:sns.af-south-1.amazonaws.com\n',
    );
    ssl(
      'req',
      '-new',
      '-key',
      'leaf.key',
      '-subj',
      '/CN=sns-signing.af-south-1.amazonaws.com',
      '-out',
      'regional.csr',
    );
    issue('regional.csr', 'int', 'regional.pem', 'regional.ext', 13);
    const intermediate = read('int.pem');
    return {
      rootPem: read('root.pem'),
      leafKeyPem: read('leaf.key'),
      chain: read('leaf.pem') + intermediate,
      leafPem: read('leaf.pem'),
      untrustedChain: read('untrusted.pem') + read('evil.pem'),
      wrongSubjectChain: read('wrong.pem') + intermediate,
      regionalChain: read('regional.pem') + intermediate,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
