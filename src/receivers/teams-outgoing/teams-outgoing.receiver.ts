import type { Receiver } from '../receiver';
import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';
import { decodeKey } from '../shared/hmac/signature';
import { teamsReply } from './teams-outgoing.replies';

/**
 * Microsoft Teams outgoing webhooks: `Authorization: HMAC <base64 HMAC-SHA256 of the body>`, keyed
 * with the base64-DECODED security token Teams shows when the webhook is created
 * (OfficeDev/Microsoft-Teams-Samples `samples/outgoing-webhook/nodejs/app.js`;
 * learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-outgoing-webhook).
 * The body is a Bot Framework activity; Teams shows the HTTP answer in the channel as the
 * webhook's reply, so the acknowledgement is a Bot Framework message, not `{ id, duplicate }`.
 */
export const teamsOutgoingDescriptor: HmacDescriptor = {
  name: 'teams-outgoing',
  title: 'Teams outgoing webhook',
  // 5 s in several sources, not confirmed in Microsoft's docs (docs/providers.md): it bounds a
  // reply handler's deadline, where too short is safe and too long is not.
  ackDeadlineMs: 5_000,
  algorithm: 'sha256',
  key: { encoding: 'base64' },
  signature: { headers: ['Authorization'], encoding: 'base64', prefix: 'HMAC ' },
  messages: {
    missing: 'The Authorization header is missing (expected "HMAC <signature>").',
    mismatch: 'The signature does not match the body under any configured security token.',
  },
  type: { path: 'type' }, // message
  id: { path: 'id' },
  occurredAt: { path: 'timestamp' },
};

/** The reply Teams posts under the user's message. */
export const TEAMS_REPLY = JSON.stringify({ type: 'message', text: 'Received.' });

export type TeamsOutgoingOptions = HmacOptions;
export const teamsOutgoingReceiver: Receiver<TeamsOutgoingOptions> = {
  ...hmacReceiver(teamsOutgoingDescriptor),
  // Never stored anyway (store.stage NEVER_STORED); named so no log or fuzz rule forgets it.
  secretHeaders: ['authorization'],
  checkSecret: (secret) =>
    decodeKey(secret, teamsOutgoingDescriptor.key)
      ? undefined
      : 'must be the security token exactly as Teams shows it (base64)',
  // The gateway's `{ id, duplicate }` goes in headers, as for the XML acknowledgements.
  acknowledge: (result) => ({
    status: 200,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-hookgate-delivery-id': result.id,
      'x-hookgate-duplicate': String(result.duplicate),
    },
    body: TEAMS_REPLY,
  }),
  reply: teamsReply,
};
