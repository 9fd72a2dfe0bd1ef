import { fillPlaceholders, type PlaceholderValues } from '../placeholders';

/** AMQP 0-9-1 sends a routing key as a short string: at most 255 bytes. */
export const MAX_ROUTING_KEY_BYTES = 255;

/**
 * A topic exchange reads a routing key as words separated by `.`, and a binding key's `*` and
 * `#` are wildcards (https://www.rabbitmq.com/tutorials/amqp-concepts#exchange-topic). A
 * placeholder's dots stay word separators; whitespace, control characters, `*` and `#` become
 * `_`, and so does an empty word, so a literal value never looks like a wildcard.
 */
const NOT_IN_WORD = /[\s\p{Cc}*#]/gu;

function cleanValue(value: string): string {
  return value
    .replace(NOT_IN_WORD, '_')
    .split('.')
    .map((word) => word || '_')
    .join('.');
}

/** The routing key a delivery is published with. */
export function amqpRoutingKey(template: string, values: PlaceholderValues): string {
  return fillPlaceholders(template, values, cleanValue);
}
