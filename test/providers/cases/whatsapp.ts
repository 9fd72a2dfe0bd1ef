import { metaCase, metaFixture, metaIdentityHash } from './meta';

export const WHATSAPP_MESSAGE = metaFixture('whatsapp', 'text-message.json');
const WAMID = 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=';
/** A message's identity: [object, WhatsApp Business Account id, field, "message:<id>"]. */
const idOf = (wamid: string) =>
  metaIdentityHash('whatsapp_business_account', '102290129340398', 'messages', `message:${wamid}`);

export const whatsappCase = metaCase({
  name: 'WhatsApp',
  provider: 'whatsapp',
  endpoint: 'support',
  fixture: WHATSAPP_MESSAGE,
  withKey: (key) => Buffer.from(WHATSAPP_MESSAGE.toString().replace(WAMID, `wamid.${key}`)),
  type: 'whatsapp_business_account.messages',
  deliveryId: idOf(WAMID),
  deliveryIdOf: (key) => idOf(`wamid.${key}`),
  payloadIncludes: {
    entry: [
      {
        changes: [{ value: { messages: [{ text: { body: 'Does it come in another color?' } }] } }],
      },
    ],
  },
});
