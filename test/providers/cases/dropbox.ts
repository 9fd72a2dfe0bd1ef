import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

const NOTIFICATION = readFileSync(
  join(__dirname, '../../../src/receivers/dropbox/fixtures/notification.json'),
);
const SECRET = 'dropbox-app-secret';
const NEXT_SECRET = 'dropbox-next-secret';
const PATH = '/webhooks/dropbox/files';

/** Signs like Dropbox, with node:crypto (not the receiver's signer). */
const signed = (body: Buffer, secret = SECRET): WebhookRequest => ({
  path: PATH,
  headers: {
    'content-type': 'application/json',
    'x-dropbox-signature': createHmac('sha256', secret).update(body).digest('hex'),
  },
  body,
});

export const dropboxCase: ProviderCase = {
  name: 'Dropbox',
  provider: 'dropbox',
  endpoint: 'files',
  app: () => ({ endpoint: { provider: 'dropbox', id: 'files', secrets: [NEXT_SECRET, SECRET] } }),
  // A notification only says which accounts changed: there is nothing to key.
  sign: ({ body, secret }) => signed(body ?? NOTIFICATION, secret),
  secrets: [NEXT_SECRET, SECRET],
  foreignSecret: { make: () => 'wrong-secret' },
  signatureHeaders: ['x-dropbox-signature'],
  secretHeaders: [],
  documented: {
    type: 'change',
    providerDeliveryId: null,
    payload: JSON.parse(NOTIFICATION.toString()),
  },
  acknowledgement: 'json',
  dedupe: notApplicable('Dropbox sends no delivery id; a repeat is stored again'),
  tamperings: [
    { label: 'signed over another body', signedBody: Buffer.from('{}'), sentBody: NOTIFICATION },
  ],
  timestampWindow: notApplicable('Dropbox signs no timestamp'),
  otherRefusedContentTypes: [],
  malformed: [{ label: 'is not JSON', request: () => signed(Buffer.from('{"list_folder":')) }],
  // GET ?challenge= is Dropbox's handshake (dropbox spec). A GET without one passes the edge
  // (GET is a Dropbox method) and is refused after the handshake stage, naming POST only;
  // a HEAD is refused at the edge, naming the receiver's methods.
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'GET, POST' },
};
