/**
 * PayPal's two environments: where its REST API lives (postback, OAuth) and where its signing
 * certificates are served. Certificates are referenced from the classic `api.` hosts (seen in
 * every published delivery and in PayPal's SDK samples); `api-m.` is PayPal's current API host
 * and is accepted too.
 */
export type PaypalEnvironment = 'live' | 'sandbox';

export const PAYPAL_API_BASE: Readonly<Record<PaypalEnvironment, string>> = {
  live: 'https://api-m.paypal.com',
  sandbox: 'https://api-m.sandbox.paypal.com',
};

export const PAYPAL_CERT_HOSTS: Readonly<Record<PaypalEnvironment, readonly string[]>> = {
  live: ['api.paypal.com', 'api-m.paypal.com'],
  sandbox: ['api.sandbox.paypal.com', 'api-m.sandbox.paypal.com'],
};

/**
 * The CN PayPal's signing certificate carries. PayPal's Java SDK accepted any CN starting with
 * `messageverificationcerts` and ending in `.paypal.com`; the gateway wants the exact name for
 * the endpoint's environment.
 */
export const PAYPAL_SIGNING_CN: Readonly<Record<PaypalEnvironment, string>> = {
  live: 'messageverificationcerts.paypal.com',
  sandbox: 'messageverificationcerts.sandbox.paypal.com',
};
