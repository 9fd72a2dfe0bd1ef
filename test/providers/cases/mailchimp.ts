import { notApplicable } from '../provider-case';
import { codeCase, codeFixture, sha256OfFields } from './code-case';

export const MAILCHIMP_FORM = 'application/x-www-form-urlencoded';
export const MAILCHIMP_SUBSCRIBE = codeFixture('mailchimp', 'subscribe.txt');
const MEMBER_ID = '8a25ff1d98';

/** providers.md: the identifying fields of a Mailchimp event, hashed into its delivery id. */
export function mailchimpDeliveryId(form: Buffer): string {
  const params = new URLSearchParams(form.toString('utf8'));
  const names = ['type', 'fired_at', 'data[list_id]', 'data[id]', 'data[new_id]'];
  const more = ['data[email]', 'data[new_email]', 'data[status]'];
  return sha256OfFields([...names, ...more].map((name) => [name, params.get(name)]));
}

const withMember = (id: string) =>
  Buffer.from(
    MAILCHIMP_SUBSCRIBE.toString().replace(`data%5Bid%5D=${MEMBER_ID}`, `data%5Bid%5D=${id}`),
  );

export const mailchimpCase = codeCase({
  name: 'Mailchimp',
  provider: 'mailchimp',
  endpoint: 'audience',
  contentType: MAILCHIMP_FORM,
  documentedBody: MAILCHIMP_SUBSCRIBE,
  bodyWithKey: withMember,
  documented: {
    type: 'subscribe',
    providerDeliveryId: mailchimpDeliveryId(MAILCHIMP_SUBSCRIBE),
    payload: Object.fromEntries(new URLSearchParams(MAILCHIMP_SUBSCRIBE.toString())),
    payloadIncludes: { 'data[email]': 'api@mailchimp.com', fired_at: '2009-03-26 21:35:57' },
  },
  // Mailchimp retries the same event for 75 minutes.
  dedupe: { deliveryIdOf: (key) => mailchimpDeliveryId(withMember(key)), retryAfterMs: 60_000 },
  otherRefusedContentTypes: ['application/json'],
  malformed: [
    {
      label: 'has no type',
      body: Buffer.from('fired_at=2009-03-26+21%3A35%3A57&data%5Bid%5D=8a25ff1d98'),
      message: /"type"/,
    },
    { label: 'is not UTF-8', body: Buffer.from([0x74, 0x79, 0x70, 0x65, 0x3d, 0xc3, 0x28]) },
  ],
  // A GET is Mailchimp's webhook validator: 200 with the code, 401 without (code-providers spec).
  refusedGet: notApplicable('every GET is the webhook validator: 401 without the code'),
  refusedHead: { allow: 'GET, POST' },
});
