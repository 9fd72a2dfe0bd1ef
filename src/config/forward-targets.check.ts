import { natsSubjectProblem } from '../dispatch/forward/brokers/nats-subject';
import { PLACEHOLDERS, unknownPlaceholders } from '../dispatch/forward/placeholders';
import { forwardTargetName } from '../dispatch/forward/target-name';
import { isValidTypePattern } from '../dispatch/type-pattern';
import {
  type ForwardConfig,
  type ForwardKind,
  forwardKind,
  FORWARD_SCHEMES,
} from './forward.config';

/** The fields only some kinds of target take. */
const ONLY_FOR: Readonly<Record<string, readonly ForwardKind[]>> = {
  secret: ['http'],
  subject: ['nats'],
  exchange: ['amqp'],
  routingKey: ['amqp'],
  stream: ['redis'],
  maxLen: ['redis'],
};

const REQUIRED: Readonly<Record<ForwardKind, readonly string[]>> = {
  http: [],
  nats: ['subject'],
  amqp: ['exchange', 'routingKey'],
  redis: ['stream'],
};

const EXAMPLES: Readonly<Record<string, string>> = {
  subject: 'the JetStream subject, e.g. "hookgate.{provider}.{endpoint}.{type}"',
  exchange: 'the exchange to publish to, e.g. "hookgate" ("" for the default exchange)',
  routingKey: 'the routing key, e.g. "{provider}.{endpoint}.{type}"',
  stream: 'the stream key, e.g. "hookgate:{endpoint}"',
};

/** The templates each kind fills per delivery. */
const TEMPLATES = ['subject', 'routingKey', 'stream'] as const;

/**
 * What is wrong with an endpoint's `forward` list, as `forward[i].field message`, or undefined.
 * Messages never quote a URL: it may hold a password.
 */
export function forwardTargetsProblem(targets: readonly ForwardConfig[]): string | undefined {
  const names = new Map<string, number>();
  for (const [i, target] of targets.entries()) {
    const problem = targetProblem(target);
    if (problem) return `forward[${i}].${problem}`;
    const name = forwardTargetName('', target);
    const same = names.get(name);
    if (same !== undefined) {
      return `forward[${i}] sends to the same place as forward[${same}]: make it one target (list both filters' patterns in its types).`;
    }
    names.set(name, i);
  }
  return undefined;
}

function targetProblem(target: ForwardConfig): string | undefined {
  const kind = forwardKind(target.url);
  if (!kind) return `url must start with one of ${FORWARD_SCHEMES.join(', ')}`;
  if (!hasHost(target.url)) return 'url is not a valid URL with a host';
  const fields = target as unknown as Record<string, unknown>;
  for (const [field, kinds] of Object.entries(ONLY_FOR)) {
    if (fields[field] !== undefined && !kinds.includes(kind)) {
      return `${field} is only for ${kinds.join(', ')} targets, not ${kind} ones`;
    }
  }
  for (const field of REQUIRED[kind]) {
    if (fields[field] === undefined) return `${field} is required: ${EXAMPLES[field]}`;
  }
  if (kind !== 'http' && target.format === 'envelope') {
    return 'format "envelope" is for HTTP targets: brokers always get CloudEvents';
  }
  return templateProblem(target, kind) ?? typesProblem(target.types);
}

function templateProblem(target: ForwardConfig, kind: ForwardKind): string | undefined {
  for (const field of TEMPLATES) {
    const template = target[field];
    if (template === undefined) continue;
    const unknown = unknownPlaceholders(template);
    if (unknown.length > 0) {
      const known = PLACEHOLDERS.map((name) => `{${name}}`).join(', ');
      return `${field} has an unknown placeholder {${unknown[0]}}: use ${known}`;
    }
  }
  if (kind === 'nats') {
    const problem = natsSubjectProblem(target.subject!);
    if (problem) return `subject ${problem}`;
  }
  if (kind === 'amqp' && target.exchange === '' && target.routingKey === '') {
    return 'routingKey must name a queue when exchange is "" (the default exchange)';
  }
  if (kind === 'redis' && target.stream === '') return `stream is required: ${EXAMPLES.stream}`;
  return undefined;
}

function typesProblem(types: readonly string[] | undefined): string | undefined {
  if (types === undefined) return undefined;
  if (types.length === 0) return 'types must list at least one pattern (leave it out for all)';
  const bad = types.findIndex((pattern) => !isValidTypePattern(pattern));
  return bad < 0
    ? undefined
    : `types[${bad}] "${types[bad]}" is not a type pattern: an exact type, a prefix ending in ".*", ":*" or "/*", or "*"`;
}

function hasHost(url: string): boolean {
  try {
    return new URL(url).hostname.length > 0;
  } catch {
    return false;
  }
}
