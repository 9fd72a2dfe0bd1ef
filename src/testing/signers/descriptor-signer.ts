import type { HmacDescriptor, TimestampSource } from '../../receivers/shared/hmac/descriptor';
import { hmacDigest } from './encoding';
import { readJsonPath, writeJsonPath } from './json-path';
import { requireUrl, SignWebhookError, type SignInput, type Signer } from './signer';

/** What a descriptor does not say but a provider's deliveries carry. */
export interface DescriptorExtras {
  readonly defaultType?: string;
  /** Headers the provider always sends (a message-type header its normalize reads). */
  readonly headers?: (input: SignInput) => Record<string, string>;
  readonly secretMeans?: string;
  /** The type header, where the provider's own normalize reads one the descriptor does not name. */
  readonly typeHeader?: string;
  /** The delivery id header, likewise. */
  readonly idHeader?: string;
  /** ISO-8601 timestamps to the second, ending `Z` or `+00:00`, as the provider writes them. */
  readonly isoSeconds?: 'Z' | '+00:00';
  /** Between the fields of a list header, when the provider adds a space (`t=…, v1=…`). */
  readonly listSeparator?: string;
}

/**
 * A signer read off an HMAC descriptor's data (headers, template, encodings, timestamp and id
 * sources). It shares no code with the verifier: the template, key decoding, list format and
 * encodings are written out again here, and the contract cases' independent signers check it.
 */
export function descriptorSigner(
  descriptor: HmacDescriptor<any>,
  extras: DescriptorExtras = {},
): Signer {
  const { timestamp, signature } = descriptor;
  const timestampPath = timestamp && 'path' in timestamp ? timestamp.path : undefined;
  const type = descriptor.type;
  const typeHeader = extras.typeHeader ?? (type && 'header' in type ? type.header : undefined);
  const id = descriptor.id;
  const idHeader =
    extras.idHeader ?? (typeof id === 'object' && 'header' in id ? id.header : undefined);
  const iso = (now: Date) =>
    extras.isoSeconds ? now.toISOString().replace(/\.\d{3}Z$/, extras.isoSeconds) : undefined;
  return {
    contentType: descriptor.contentTypes?.[0] ?? 'application/json',
    secretMeans: extras.secretMeans ?? `the ${descriptor.title} signing secret`,
    defaultType: extras.defaultType,
    ...(typeHeader && { typeHeader }),
    ...(idHeader && { idHeader }),
    ...(timestampPath && {
      preparePayload: (payload: unknown, now: Date) =>
        writeJsonPath(payload, timestampPath, iso(now) ?? timestampValue(timestamp!, now)),
    }),
    sign(input) {
      const headers: Record<string, string> = { ...extras.headers?.(input) };
      const stamp = timestamp && (iso(input.now) ?? timestampText(timestamp, input));
      if (timestamp && 'header' in timestamp) headers[timestamp.header.toLowerCase()] = stamp!;
      if (typeHeader) headers[typeHeader.toLowerCase()] = input.type ?? '';
      if (idHeader) headers[idHeader.toLowerCase()] = input.id;
      const content = renderTemplate(descriptor.signedContent ?? '{body}', {
        body: input.body,
        timestamp: stamp,
        id: signedId(descriptor, input),
        method: 'POST',
        url: usesUrl(descriptor) ? signedUrl(descriptor, input) : undefined,
      });
      const key = hmacKey(descriptor, input.secret);
      const digest = hmacDigest(descriptor.algorithm, key, content, signature.encoding);
      const value = `${signature.prefix ?? ''}${digest}`;
      headers[signature.headers[0].toLowerCase()] = listed(descriptor, value, stamp, extras);
      return { headers };
    },
  };
}

function timestampValue(source: TimestampSource, now: Date): string | number {
  if (source.unit === 's') return Math.floor(now.getTime() / 1000);
  if (source.unit === 'ms') return now.getTime();
  return now.toISOString();
}

/** The timestamp as sent: from the body when the provider writes it there, else from `now`. */
function timestampText(source: TimestampSource, input: SignInput): string {
  if ('path' in source) {
    const value = readJsonPath(input.body, source.path);
    if (value === undefined) {
      throw new SignWebhookError(`the body has no ${source.path}: the provider signs it there.`);
    }
    return String(value);
  }
  return String(timestampValue(source, input.now));
}

/** The `{id}` the provider signs: the header's value as sent, or the body's. */
function signedId(descriptor: HmacDescriptor<any>, input: SignInput): string | undefined {
  const source = descriptor.id;
  if (source === undefined || source === 'body-hash') return undefined;
  if ('header' in source) return input.id;
  const value = readJsonPath(input.body, source.path);
  return value === undefined ? undefined : String(value);
}

function usesUrl(descriptor: HmacDescriptor<any>): boolean {
  return (descriptor.signedContent ?? '').includes('{url}');
}

function signedUrl(descriptor: HmacDescriptor<any>, input: SignInput): string {
  const callbackUrl = input.options.callbackUrl;
  if (typeof callbackUrl === 'string') return callbackUrl;
  return requireUrl(input, descriptor.title);
}

/** The signed bytes: each `{placeholder}` replaced, the literal text between kept. */
function renderTemplate(
  template: string,
  values: Record<string, string | Buffer | undefined>,
): (string | Buffer)[] {
  return template
    .split(/(\{[a-z]+\})/)
    .filter((part) => part !== '')
    .map((part) => {
      const name = /^\{([a-z]+)\}$/.exec(part)?.[1];
      return name === undefined ? part : (values[name] ?? '');
    });
}

function hmacKey(descriptor: HmacDescriptor<any>, secret: string): Buffer {
  const key = descriptor.key;
  if (!key || key.encoding === 'utf8') return Buffer.from(secret, 'utf8');
  const material =
    key.stripPrefix && secret.startsWith(key.stripPrefix)
      ? secret.slice(key.stripPrefix.length)
      : secret;
  return Buffer.from(material, key.encoding);
}

/** The header value: the signature alone, or inside the provider's list (`t=…,v1=…`). */
function listed(
  descriptor: HmacDescriptor<any>,
  value: string,
  stamp: string | undefined,
  extras: DescriptorExtras,
): string {
  const list = descriptor.signature.list;
  if (!list?.keyValue) return value;
  const timestamp = descriptor.timestamp;
  const fields: [string, string][] = [];
  if (timestamp && 'signatureField' in timestamp) fields.push([timestamp.signatureField, stamp!]);
  fields.push([list.signatureKey!, value]);
  return fields
    .map(([key, item]) => `${key}${list.keyValue}${item}`)
    .join(extras.listSeparator ?? list.separator);
}
