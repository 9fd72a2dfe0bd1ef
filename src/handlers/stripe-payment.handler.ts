import { Injectable, Logger } from '@nestjs/common';
import { OnWebhook } from '../dispatch/on-webhook.decorator';
import type { WebhookEvent } from '../dispatch/webhook-event';

/** The part of a Stripe PaymentIntent event this example reads. */
interface PaymentIntentEvent {
  id: string;
  data: { object: { id: string; amount: number; currency: string } };
}

/**
 * Example handler: react to successful payments. Stripe may deliver an event more than once
 * and Hookgate retries failed runs, so real work keys on `event.providerDeliveryId` (the Stripe
 * event id) to stay idempotent.
 */
@Injectable()
export class StripePaymentHandler {
  private readonly logger = new Logger(StripePaymentHandler.name);

  @OnWebhook('stripe', 'payment_intent.succeeded')
  onPaymentSucceeded(event: WebhookEvent<PaymentIntentEvent>): void {
    const intent = event.payload.data?.object;
    if (!intent) throw new Error(`Stripe event ${event.providerDeliveryId} has no data.object`);
    const amount = (intent.amount / 100).toFixed(2);
    this.logger.log(
      `Payment ${intent.id} succeeded: ${amount} ${intent.currency.toUpperCase()} (event ${event.providerDeliveryId})`,
    );
  }
}
