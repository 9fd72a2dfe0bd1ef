/**
 * The hosts SNS serves signing certificates and subscription URLs from: `sns.<region>.amazonaws.com`,
 * or `.amazonaws.com.cn` in the China partition. Same pattern as AWS's own validator
 * (https://github.com/aws/aws-js-sns-message-validator, index.js `defaultHostPattern`), anchored,
 * matched against the hostname alone so a port, userinfo or suffix cannot sneak past it.
 */
const SNS_HOST = /^sns\.([a-z0-9-]{3,})\.amazonaws\.com(\.cn)?$/;

export type SnsUrlCheck =
  { ok: true; url: string; region: string } | { ok: false; message: string };

/**
 * The names an SNS signing certificate fetched from `hostname` may be for, as CN or DNS SAN:
 * `sns.amazonaws.com` (every older commercial region), `sns-signing.<region>.amazonaws.com`
 * (opt-in regions such as af-south-1, whose leaves carry only that and `sns.<region>...` in
 * their SANs), `sns-<region>.amazonaws.com.cn` (China) and `sns-us-gov-west-1.amazonaws.com`
 * (both GovCloud regions). From AWS's SDK for Java v2, sns-message-manager `SnsHostProvider`
 * (https://github.com/aws/aws-sdk-java-v2), widened to each form for the URL's own region so
 * a region AWS adds later still verifies. Empty when the host is not SNS's.
 */
export function snsSigningNames(hostname: string): string[] {
  const match = SNS_HOST.exec(hostname);
  if (!match) return [];
  const region = match[1];
  const suffix = match[2] ? 'amazonaws.com.cn' : 'amazonaws.com';
  const names = [
    `sns.${suffix}`,
    `sns.${region}.${suffix}`,
    `sns-signing.${region}.${suffix}`,
    `sns-${region}.${suffix}`,
  ];
  if (region === 'us-gov-east-1') names.push('sns-us-gov-west-1.amazonaws.com');
  return names;
}

/** The region named by an SNS host, or undefined when the host is not SNS's. */
export function snsHostRegion(hostname: string): string | undefined {
  return SNS_HOST.exec(hostname)?.[1];
}

/**
 * Decide whether a URL taken from the message may be requested. Both URLs are chosen by whoever
 * sent the request and are checked before any request is made: SigningCertURL names the key the
 * signature is checked with (else forgery with a key of the sender's own, and SSRF), SubscribeURL
 * is fetched to confirm a subscription (else SSRF).
 */
function checkSnsUrl(
  value: string,
  field: string,
): { ok: true; url: URL; region: string } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, message: `${field} is not a URL.` };
  }
  const refuse = (why: string) => ({
    ok: false as const,
    message: `${field} is refused (${why}); only https://sns.<region>.amazonaws.com[.cn] is trusted.`,
  });
  if (url.protocol !== 'https:') return refuse('not https');
  if (url.username !== '' || url.password !== '') return refuse('it carries userinfo');
  if (url.port !== '') return refuse('it names a port');
  const region = snsHostRegion(url.hostname);
  if (region === undefined) return refuse(`host ${url.hostname} is not an SNS host`);
  if (url.hash !== '') return refuse('it has a fragment');
  return { ok: true, url, region };
}

/** SigningCertURL: an SNS host, a path ending in `.pem`, no query. */
export function checkSigningCertUrl(value: string): SnsUrlCheck {
  const checked = checkSnsUrl(value, 'SigningCertURL');
  if (!checked.ok) return checked;
  if (checked.url.search !== '' || !checked.url.pathname.endsWith('.pem')) {
    return {
      ok: false,
      message: 'SigningCertURL is refused (the path must end in .pem, without a query).',
    };
  }
  return { ok: true, url: checked.url.href, region: checked.region };
}

/** SubscribeURL: an SNS host and SNS's ConfirmSubscription action, nothing else. */
export function checkSubscribeUrl(value: string): SnsUrlCheck {
  const checked = checkSnsUrl(value, 'SubscribeURL');
  if (!checked.ok) return checked;
  if (
    checked.url.pathname !== '/' ||
    checked.url.searchParams.get('Action') !== 'ConfirmSubscription'
  ) {
    return {
      ok: false,
      message: 'SubscribeURL is refused (it is not an SNS ConfirmSubscription URL).',
    };
  }
  return { ok: true, url: checked.url.href, region: checked.region };
}

/** The region of an SNS topic ARN (`arn:aws:sns:us-east-2:123456789012:MyTopic`). */
export function topicArnRegion(topicArn: string): string | undefined {
  const parts = topicArn.split(':');
  return parts.length === 6 && parts[0] === 'arn' && parts[2] === 'sns' ? parts[3] : undefined;
}
