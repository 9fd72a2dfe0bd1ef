// @Type reads the property's design:type metadata when the class is declared.
import 'reflect-metadata';
import {
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Min,
} from 'class-validator';

/** What a forward target is, by its URL's scheme (docs/forwarding.md). */
export type ForwardKind = 'http' | 'nats' | 'amqp' | 'redis';

const KINDS: Readonly<Record<string, ForwardKind>> = {
  'http:': 'http',
  'https:': 'http',
  'nats:': 'nats',
  'amqp:': 'amqp',
  'amqps:': 'amqp',
  'redis:': 'redis',
  'rediss:': 'redis',
};

/** The kind of target a URL names, or undefined when its scheme is not one Hookgate sends to. */
export function forwardKind(url: string): ForwardKind | undefined {
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(url)?.[0].toLowerCase();
  return scheme ? KINDS[scheme] : undefined;
}

export const FORWARD_SCHEMES = Object.keys(KINDS).map((scheme) => `${scheme}//`);

/** How a delivery is written: Hookgate's JSON envelope, or a CloudEvent (structured JSON). */
export const FORWARD_FORMATS = ['envelope', 'cloudevents'] as const;
export type ForwardFormat = (typeof FORWARD_FORMATS)[number];

/**
 * `endpoints[].forward[]` in the config file: one target each delivery is sent to, over HTTP or
 * to a broker. Which fields a kind takes is checked by `forwardTargetProblem`.
 */
export class ForwardConfig {
  /** `http(s)://`, `nats://`, `amqp(s)://` or `redis(s)://`; may carry credentials. */
  @IsString()
  @IsNotEmpty()
  url: string;

  /** Only deliveries whose type matches one of these patterns (handler pattern syntax). */
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  types?: string[];

  /** HTTP: the body's format. Brokers always get CloudEvents. */
  @IsOptional()
  @IsIn(FORWARD_FORMATS)
  format?: ForwardFormat;

  /** HTTP: Standard Webhooks signing secret, `whsec_` + base64 of 24-64 random bytes. */
  @IsOptional()
  @IsString()
  @Matches(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/, {
    message: 'secret must be whsec_ followed by base64 (e.g. "whsec_$(openssl rand -base64 32)")',
  })
  secret?: string;

  /** NATS: the JetStream subject, with `{provider}`, `{endpoint}`, `{type}` placeholders. */
  @IsOptional()
  @IsString()
  subject?: string;

  /** AMQP: the exchange to publish to (`""` is the default exchange). */
  @IsOptional()
  @IsString()
  exchange?: string;

  /** AMQP: the routing key, with placeholders. */
  @IsOptional()
  @IsString()
  routingKey?: string;

  /** Redis: the stream's key, with placeholders. */
  @IsOptional()
  @IsString()
  stream?: string;

  /** Redis: trim the stream to about this many entries (`XADD MAXLEN ~`). */
  @IsOptional()
  @IsInt()
  @Min(1)
  maxLen?: number;

  /** How long to wait for the answer: the HTTP response, or the broker's acknowledgement. */
  @IsInt()
  @Min(100)
  timeoutMs = 10_000;
}
