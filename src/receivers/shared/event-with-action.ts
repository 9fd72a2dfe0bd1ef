import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { stringAt } from './body';
import { missingField, readField } from './hmac/fields';

/**
 * The event model GitHub made common and Gogs, Gitea and Sentry follow: an event (or resource)
 * header, refined by the body's `action` when it has one (`issues` + `opened` →
 * `issues.opened`), and a delivery id header. A delivery without the event header is a 400.
 */
export function eventWithAction(
  eventHeader: string,
  deliveryHeader: string,
): (req: IncomingWebhook, payload: unknown) => NormalizedEvent {
  return (req, payload) => {
    const event = readField(req, payload, { header: eventHeader });
    if (!event) throw missingField({ header: eventHeader });
    const action = stringAt(payload, 'action');
    const providerDeliveryId = readField(req, payload, { header: deliveryHeader });
    return {
      type: action ? `${event}.${action}` : event,
      ...(providerDeliveryId !== undefined && { providerDeliveryId }),
    };
  };
}
