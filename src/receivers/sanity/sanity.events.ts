import type { IncomingWebhook, NormalizedEvent } from '../receiver';

/** The type of a delivery whose headers name no operation. */
export const DOCUMENT_TYPE = 'document';
const OPERATIONS = ['create', 'update', 'delete'];

/**
 * Sanity's GROQ-powered webhooks have no event types: the body is whatever the webhook's
 * projection makes (the whole document by default), so nothing in it can be relied on
 * (sanity.io/docs/webhooks). The request headers say what happened: `sanity-operation`
 * (`create`, `update`, `delete`) becomes the type, else `document`. The delivery id is
 * `idempotency-key`, which a retry keeps, else `<sanity-transaction-id> <sanity-document-id>`
 * (one document's change in one transaction), else none: a body hash would merge two changes
 * whose projections happen to be equal.
 */
export function normalizeSanityEvent(req: IncomingWebhook): NormalizedEvent {
  const operation = req.headers['sanity-operation'];
  const idempotencyKey = req.headers['idempotency-key'];
  const transaction = req.headers['sanity-transaction-id'];
  const document = req.headers['sanity-document-id'];
  const providerDeliveryId =
    idempotencyKey || (transaction && document ? `${transaction} ${document}` : undefined);
  const time = req.headers['sanity-transaction-time'];
  const occurredAt = time ? new Date(time) : undefined;
  return {
    type: operation && OPERATIONS.includes(operation) ? operation : DOCUMENT_TYPE,
    ...(providerDeliveryId && { providerDeliveryId }),
    ...(occurredAt && !Number.isNaN(occurredAt.getTime()) && { occurredAt }),
  };
}
