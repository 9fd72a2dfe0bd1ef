import { createHmac } from 'node:crypto';
import { formBody } from './encoding';
import { requireUrl, type Signer } from './signer';

const CONTENTFUL_TYPE = 'application/vnd.contentful.management.v1+json';

/**
 * The path Contentful signs, as written in the URL (not re-encoded): its query escaped as one URI component, then the whole passed
 * through encodeURI (as @contentful/node-apps-toolkit normalises it).
 */
function contentfulPath(url: string): string {
  const [pathname, query] = url
    .replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '')
    .split('#')[0]
    .split('?');
  const path = pathname.startsWith('/') ? pathname : `/${pathname}`;
  return encodeURI(query ? `${path}?${encodeURIComponent(query)}` : path);
}

/**
 * Contentful's request verification: hex HMAC-SHA256 under the signing secret of method, path,
 * the signed headers (`name:value`, sorted, joined by `;`) and body, joined by newlines. The
 * content type and topic are signed, with the two bookkeeping headers (timestamp in ms).
 */
export const contentfulSigner: Signer = {
  contentType: CONTENTFUL_TYPE,
  secretMeans: "the webhook's signing secret (url: the endpoint publicUrl, whose path is signed)",
  defaultType: 'ContentManagement.Entry.publish',
  typeHeader: 'x-contentful-topic',
  sign(input) {
    const url = requireUrl(input, 'Contentful');
    const headers: Record<string, string> = {
      'content-type': input.contentType.trim(),
      'x-contentful-topic': (input.type ?? 'ContentManagement.Entry.publish').trim(),
      'x-contentful-timestamp': String(input.now.getTime()),
    };
    const names = [...Object.keys(headers), 'x-contentful-signed-headers'].sort();
    headers['x-contentful-signed-headers'] = names.join(',');
    const signedHeaders = names.map((name) => `${name}:${headers[name]}`).join(';');
    const canonical = ['POST', contentfulPath(url), signedHeaders, input.body.toString('utf8')];
    const signature = createHmac('sha256', input.secret).update(canonical.join('\n')).digest('hex');
    return { headers: { ...headers, 'x-contentful-signature': signature } };
  },
};

/** `key + separator + value` pairs sorted by key, a repeated key's values sorted too. */
function sortedPairs(pairs: [string, string][], separator: string): string[] {
  return [...pairs]
    .sort(([ka, va], [kb, vb]) => (ka === kb ? (va < vb ? -1 : 1) : ka < kb ? -1 : 1))
    .map(([key, value]) => key + separator + value);
}

/**
 * Plivo's V3 signature: base64 HMAC-SHA256 under the Auth Token of the URL without its query,
 * `?` and the sorted query, `.` when there are both query and POST parameters, the sorted POST
 * parameters as `namevalue`, then `.` and the nonce. The nonce is the kit's `id`.
 */
export const plivoSigner: Signer = {
  contentType: 'application/x-www-form-urlencoded',
  secretMeans: 'the Plivo Auth Token (url: the endpoint publicUrl, query included)',
  idHeader: 'x-plivo-signature-v3-nonce',
  encode: (payload) => formBody(payload as Record<string, unknown>),
  sign(input) {
    const url = requireUrl(input, 'Plivo').split('#')[0];
    const [base, search = ''] = url.split('?');
    const query = sortedPairs([...new URLSearchParams(search)], '=').join('&');
    const posted = [...new URLSearchParams(input.body.toString('utf8'))];
    let content = base;
    if (query !== '' || posted.length > 0) content += `?${query}`;
    if (query !== '' && posted.length > 0) content += '.';
    content += sortedPairs(posted, '').join('');
    const signature = createHmac('sha256', input.secret)
      .update(`${content}.${input.id}`, 'utf8')
      .digest('base64');
    return {
      headers: { 'x-plivo-signature-v3': signature, 'x-plivo-signature-v3-nonce': input.id },
    };
  },
};
