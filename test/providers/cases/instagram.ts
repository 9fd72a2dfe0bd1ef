import { metaCase, metaFixture, metaIdentityHash } from './meta';

/** An Instagram direct message, compact and escaped as Meta writes it (`\u00bf`). */
export const INSTAGRAM_MESSAGE = metaFixture('instagram', 'messaging.json');
const MID = INSTAGRAM_MESSAGE.toString().match(/"mid":"([^"]+)"/)![1];
const ACCOUNT = '17841405309211844';
const idOf = (mid: string) =>
  metaIdentityHash(
    'instagram',
    ACCOUNT,
    'message',
    1764244798871,
    '1234567890123456',
    ACCOUNT,
    'message',
    mid,
  );

export const instagramCase = metaCase({
  name: 'Instagram',
  provider: 'instagram',
  endpoint: 'brand',
  fixture: INSTAGRAM_MESSAGE,
  withKey: (key) => Buffer.from(INSTAGRAM_MESSAGE.toString().replace(MID, `ig_${key}`)),
  type: 'instagram.message',
  deliveryId: idOf(MID),
  deliveryIdOf: (key) => idOf(`ig_${key}`),
  payloadIncludes: { entry: [{ messaging: [{ message: { text: '¿Tienen talla M?' } }] }] },
});
