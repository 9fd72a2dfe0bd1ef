import { MalformedBodyError } from '../../../errors/webhook-errors';

/**
 * Meta's webhook body, for every product on the Graph webhooks
 * (https://developers.facebook.com/docs/graph-api/webhooks/getting-started): an envelope
 * `{ object, entry: [...] }`, each entry `{ id, time?, changes?: [...], messaging?: [...],
 * standby?: [...] }`. Meta batches: several entries in one POST, and several items per entry
 * ("entry is an array and may contain multiple objects",
 * https://developers.facebook.com/docs/messenger-platform/webhook).
 */
export interface MetaEnvelope {
  readonly object: string;
  readonly entry: readonly MetaEntry[];
}

export interface MetaEntry {
  readonly id: string;
  readonly time?: number;
  readonly changes?: readonly MetaChange[];
  readonly messaging?: readonly Record<string, unknown>[];
  readonly standby?: readonly Record<string, unknown>[];
  readonly [key: string]: unknown;
}

export interface MetaChange {
  readonly field: string;
  readonly value?: unknown;
  readonly [key: string]: unknown;
}

/**
 * The envelopes of a parsed body, checked: one object, or an array of them sharing one
 * `object` (Meta's Instagram examples show the envelope inside `[...]`,
 * https://developers.facebook.com/docs/instagram-platform/webhooks/examples). Anything else is
 * a MalformedBodyError (400).
 */
export function metaEnvelopes(payload: unknown): MetaEnvelope[] {
  const envelopes = Array.isArray(payload) ? payload : [payload];
  if (envelopes.length === 0) throw malformed('the body is an empty array');
  const checked = envelopes.map((envelope, i) =>
    checkEnvelope(envelope, Array.isArray(payload) ? i : undefined),
  );
  if (new Set(checked.map((envelope) => envelope.object)).size > 1) {
    throw malformed('the envelopes of the array name different objects');
  }
  return checked;
}

/** `index`: the envelope's place in an array body, named in messages. */
function checkEnvelope(value: unknown, index: number | undefined): MetaEnvelope {
  const at = index === undefined ? '' : `[${index}].`;
  if (!isRecord(value)) {
    throw malformed(`${index === undefined ? 'the body' : `[${index}]`} is not a JSON object`);
  }
  const { object, entry } = value;
  if (typeof object !== 'string' || object === '') throw malformed(`"${at}object" is missing`);
  if (!Array.isArray(entry) || entry.length === 0) {
    throw malformed(`"${at}entry" is missing or empty`);
  }
  entry.forEach((item, i) => checkEntry(item, `${at}entry[${i}]`));
  return value as unknown as MetaEnvelope;
}

function checkEntry(entry: unknown, at: string): void {
  if (!isRecord(entry)) throw malformed(`${at} is not an object`);
  if (typeof entry.id !== 'string' && typeof entry.id !== 'number') {
    throw malformed(`${at} has no id`);
  }
  for (const list of ['changes', 'messaging', 'standby'] as const) {
    const items = entry[list];
    if (items === undefined) continue;
    if (!Array.isArray(items)) throw malformed(`${at}.${list} is not an array`);
    items.forEach((item, i) => {
      if (!isRecord(item)) throw malformed(`${at}.${list}[${i}] is not an object`);
      if (list === 'changes' && (typeof item.field !== 'string' || item.field === '')) {
        throw malformed(`${at}.changes[${i}] has no field`);
      }
    });
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function malformed(detail: string): MalformedBodyError {
  return new MalformedBodyError(detail);
}
