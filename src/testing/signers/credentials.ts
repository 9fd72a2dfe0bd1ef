import { SignWebhookError, type Signer } from './signer';

/** A provider that sends its secret as is, in one header. */
export function headerToken(header: string, title: string, extra: Partial<Signer> = {}): Signer {
  return {
    contentType: 'application/json',
    secretMeans: `the ${title} token, sent as is in ${header}`,
    ...extra,
    sign: (input) => ({ headers: { [header.toLowerCase()]: input.secret } }),
  };
}

/** A provider that sends `user:password` as HTTP Basic credentials. */
export function basicAuth(title: string): Signer {
  return {
    contentType: 'application/json',
    secretMeans: `the ${title} credentials as user:password`,
    sign(input) {
      if (!input.secret.includes(':')) {
        throw new SignWebhookError(`${title}: secret must be user:password.`);
      }
      const encoded = Buffer.from(input.secret, 'utf8').toString('base64');
      return { headers: { authorization: `Basic ${encoded}` } };
    },
  };
}

/** ASP.NET WebHooks' `?code=`: the secret in the query of the URL the provider calls. */
export function queryCode(title: string, contentType = 'application/json'): Signer {
  return {
    contentType,
    secretMeans: `the ${title} code, sent as ?code= in the URL`,
    sign: (input) => ({ headers: {}, query: { code: input.secret } }),
  };
}

/** `provider: token`: the header or query parameter named by the endpoint's options. */
export const genericToken: Signer = {
  contentType: 'application/json',
  secretMeans: "the token, sent in options.header or options.query as the endpoint's options say",
  sign(input) {
    const { header, query } = input.options;
    if (typeof header === 'string') return { headers: { [header.toLowerCase()]: input.secret } };
    if (typeof query === 'string') return { headers: {}, query: { [query]: input.secret } };
    throw new SignWebhookError('token: pass options with header or query, as the endpoint has.');
  },
};

/**
 * Azure Event Grid signs nothing: the secret is the delivery property (header) or query
 * parameter the endpoint's options name, sent with `aeg-event-type: Notification`.
 */
export const azureEventGrid: Signer = {
  contentType: 'application/json',
  secretMeans:
    "the subscription's secret delivery property or query parameter, as the endpoint's options.header or options.query name it",
  sign(input) {
    const { header, query } = input.options;
    const headers = { 'aeg-event-type': 'Notification', 'aeg-delivery-count': '0' };
    if (typeof header === 'string') {
      return { headers: { ...headers, [header.toLowerCase()]: input.secret } };
    }
    if (typeof query === 'string') return { headers, query: { [query]: input.secret } };
    throw new SignWebhookError(
      'azure-event-grid: pass options with header or query, as the endpoint has.',
    );
  },
};
