import type { WebhookEvent } from '../webhook-event';

/** A message body and the media type that names its format. */
export interface EncodedMessage {
  body: string;
  contentType: string;
}

/** A CloudEvent's body, with the attributes brokers also carry outside it. */
export interface CloudEventMessage extends EncodedMessage {
  id: string;
  type: string;
}

/**
 * A delivery as a CloudEvent 1.0 in structured JSON mode (https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/formats/json-format.md),
 * the same for every target: `id` is the gateway delivery id (consumers de-duplicate on it),
 * `time` when the provider says the event happened, else when it was received. Extension
 * names are lowercase letters and digits only, as the spec requires. The SDK is loaded on
 * first use: a gateway that never sends a CloudEvent does not pay its start-up time.
 */
export async function cloudEventMessage(event: WebhookEvent): Promise<CloudEventMessage> {
  const { CloudEvent, HTTP } = await import('cloudevents');
  const cloudEvent = new CloudEvent<unknown>({
    specversion: '1.0',
    id: event.id,
    source: `/hookgate/${event.provider}/${event.endpoint}`,
    type: `${event.provider}.${event.type}`,
    time: (event.occurredAt ?? event.receivedAt).toISOString(),
    datacontenttype: 'application/json',
    data: event.payload,
    hookgateendpoint: event.endpoint,
    ...(event.providerDeliveryId === undefined
      ? {}
      : { providerdeliveryid: event.providerDeliveryId }),
  });
  const message = HTTP.structured(cloudEvent);
  return {
    id: cloudEvent.id,
    type: cloudEvent.type,
    body: String(message.body),
    contentType: String(message.headers['content-type']),
  };
}
