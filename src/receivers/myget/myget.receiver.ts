import { codeReceiver } from '../shared/code/code-receiver';

/** MyGet's own media type for HTTP Post webhooks (docs.myget.org/docs/reference/webhooks). */
export const MYGET_MEDIA_TYPE = 'application/vnd.myget.webhooks.v1+json';

/**
 * MyGet HTTP Post webhooks sign nothing: the URL carries ASP.NET's `?code=`. `type` is
 * `PayloadType` (`PackageAddedWebHookEventPayloadV1`, …). The delivery id is
 * `X-MyGet-EventIdentifier`, which MyGet documents as the key to handle a payload once, else
 * the body's `Identifier`. A ping (`PingWebHookEventPayloadV1`) is answered 200 once the code
 * matched and is not stored, as AspNetWebHooks MyGetWebHookReceiver.cs does.
 */
export const mygetReceiver = codeReceiver({
  name: 'myget',
  title: 'MyGet',
  contentTypes: [MYGET_MEDIA_TYPE, 'application/json'],
  body: 'json',
  type: { path: 'PayloadType' },
  id: [{ header: 'X-MyGet-EventIdentifier' }, { path: 'Identifier' }],
  occurredAt: { path: 'When' },
  ping: { path: 'PayloadType', value: 'PingWebHookEventPayloadV1' },
});
