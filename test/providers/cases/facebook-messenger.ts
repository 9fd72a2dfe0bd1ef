import { metaCase, metaFixture, metaIdentityHash } from './meta';

export const MESSENGER_TEXT = metaFixture('facebook-messenger', 'text-message.json');
const MID = 'mid.1457764197618:41d102a3e1ae206a38';
const PAGE = '682498302938465';
/** A message's identity: [object, Page, kind, timestamp, sender, recipient, event key, mid]. */
const idOf = (mid: string) =>
  metaIdentityHash(
    'page',
    PAGE,
    'message',
    1458692752478,
    '1254459154682919',
    PAGE,
    'message',
    mid,
  );

export const facebookMessengerCase = metaCase({
  name: 'Messenger',
  provider: 'facebook-messenger',
  endpoint: 'page',
  fixture: MESSENGER_TEXT,
  withKey: (key) => Buffer.from(MESSENGER_TEXT.toString().replace(MID, `m_${key}`)),
  type: 'page.message',
  deliveryId: idOf(MID),
  deliveryIdOf: (key) => idOf(`m_${key}`),
  payloadIncludes: { entry: [{ messaging: [{ message: { text: 'hello, world!' } }] }] },
});
