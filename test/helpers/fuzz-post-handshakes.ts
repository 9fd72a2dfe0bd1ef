/**
 * Unsigned handshakes that arrive as a POST and are answered 200 without the secret, by
 * provider: Microsoft Graph's `?validationToken=T` (T echoed as text) and Event Grid's
 * SubscriptionValidationEvent (`{"validationResponse": …}`). Only such an answer, exactly, is not
 * an acceptance; the property still requires that nothing was stored.
 */
export function isPostHandshake(path: string, body: Buffer): boolean {
  const [route, search = ''] = path.split('?');
  const provider = /^\/webhooks\/([^/]+)\//.exec(route)?.[1];
  if (provider === 'microsoft-graph') {
    const token = new URLSearchParams(search).get('validationToken');
    return token !== null && body.toString('utf8') === token;
  }
  if (provider === 'azure-event-grid') {
    try {
      const answer = JSON.parse(body.toString('utf8')) as unknown;
      return (
        typeof answer === 'object' &&
        answer !== null &&
        Object.keys(answer).join() === 'validationResponse'
      );
    } catch {
      return false;
    }
  }
  return false;
}
