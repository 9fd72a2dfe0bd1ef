import { fillPlaceholders, type PlaceholderValues } from '../placeholders';

/**
 * NATS subjects are tokens separated by `.`; a token may not be empty or hold whitespace, and
 * `*` and `>` are wildcards, which a published subject may not contain
 * (https://docs.nats.io/nats-concepts/subjects#characters-allowed-and-recommended-for-subject-names).
 * A placeholder's dots stay token separators (`pull_request.opened` is two tokens, so consumers
 * can filter on `*.opened`); whitespace, control characters, `*` and `>` become `_`, and so
 * does an empty token.
 */
const NOT_IN_TOKEN = /[\s\p{Cc}*>]/gu;

function cleanValue(value: string): string {
  return value
    .replace(NOT_IN_TOKEN, '_')
    .split('.')
    .map((token) => token || '_')
    .join('.');
}

/** The subject a delivery is published to. */
export function natsSubject(template: string, values: PlaceholderValues): string {
  return fillPlaceholders(template, values, cleanValue);
}

/** Why the template's own characters make no valid subject, or undefined. */
export function natsSubjectProblem(template: string): string | undefined {
  const sample = fillPlaceholders(template, { provider: 'p', endpoint: 'e', type: 't' });
  if (new RegExp(NOT_IN_TOKEN.source, 'u').test(sample)) {
    return 'may not contain whitespace, "*" or ">" (a published subject has no wildcards)';
  }
  if (sample.split('.').some((token) => token === '')) {
    return 'may not start or end with "." or have an empty token ("..")';
  }
  return undefined;
}

/**
 * The template as a subject filter, for the start-up check that some stream captures it:
 * `{type}` may be several tokens, so it is `>` at the end and `*` elsewhere, as are the others.
 */
export function natsSubjectFilter(template: string): string {
  return template
    .split('.')
    .map((token, i, all) => {
      if (!/\{[^{}]*\}/.test(token)) return token;
      return i === all.length - 1 && token.includes('{type}') ? '>' : '*';
    })
    .join('.');
}
