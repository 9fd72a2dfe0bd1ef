import type { Receiver } from '../receiver';
import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';
import { answerLineVerify, normalizeLineWebhook } from './line.events';

/**
 * LINE Messaging API webhooks: `x-line-signature: <base64 HMAC-SHA256 of the body>` under the
 * channel secret (line/line-bot-sdk-nodejs `lib/validate-signature.ts`;
 * developers.line.biz/en/reference/messaging-api/#signature-validation).
 */
export const lineDescriptor: HmacDescriptor = {
  name: 'line',
  title: 'LINE',
  algorithm: 'sha256',
  signature: { headers: ['x-line-signature'], encoding: 'base64' },
  messages: {
    mismatch: 'The signature does not match the body under any configured channel secret.',
  },
  normalize: normalizeLineWebhook,
};

export type LineOptions = HmacOptions;
export const lineReceiver: Receiver<LineOptions> = {
  ...hmacReceiver(lineDescriptor),
  handshakeAfterVerify: answerLineVerify,
};
