import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { SAMPLES_IN_CODE } from './samples-in-code';
import { resolveProvider } from './providers';
import { SignWebhookError } from './signers/signer';

/** The receivers' folders: next to this one in `src/` and in `dist/` (nest-cli copies fixtures). */
const RECEIVERS_DIR = join(__dirname, '..', 'receivers');

/**
 * Fixtures that are no delivery: handshakes the gateway answers without storing, signature
 * test vectors, certificates and notes.
 */
const NOT_A_DELIVERY =
  /(vector|reference|verification|validation|verify|confirmation|ping|notification-response)/;

/**
 * A realistic body of the provider's, from the receiver's published samples: a JSON value
 * for JSON samples, the text for form and XML ones. `type` picks the sample whose file is
 * named after it (`issues.opened`, `repo:push` → `repo-push.json`), else the first one.
 */
export function samplePayload(provider: string, type?: string): unknown {
  const name = resolveProvider(provider);
  const inCode = SAMPLES_IN_CODE[name];
  if (inCode) return structuredClone(inCode);
  const dir = join(RECEIVERS_DIR, name, 'fixtures');
  const all = existsSync(dir)
    ? readdirSync(dir)
        .filter((file) => !/^README|\.pem$/.test(file) && extname(file) !== '')
        .sort()
    : [];
  const deliveries = all.filter((file) => !NOT_A_DELIVERY.test(file));
  // A provider whose only sample is a signature vector or a ping still gets that one.
  const files = deliveries.length > 0 ? deliveries : all;
  if (files.length === 0) throw new SignWebhookError(`${name} has no sample payload.`);
  const slug = type?.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const file =
    (slug && files.find((f) => f.slice(0, -extname(f).length) === slug)) ??
    (slug && files.find((f) => f.includes(slug))) ??
    files[0];
  const text = readFileSync(join(dir, file), 'utf8');
  return extname(file) === '.json' ? JSON.parse(text) : text;
}
