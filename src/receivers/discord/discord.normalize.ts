import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { classifyDiscord, INTERACTION_NAMES } from './discord.payload';
import { bodyDigest } from '../shared/digests';

/** Discord's epoch, the first second of 2015, in ms (docs/reference#snowflakes). */
const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/**
 * An interaction is `interaction.<name>` (`interaction.application_command`) under its own `id`,
 * at the time its snowflake id holds. A webhook event keeps Discord's own name
 * (`APPLICATION_AUTHORIZED`): the docs name no other form. It carries no id, and Discord retries
 * it for up to 10 minutes, so its id is the SHA-256 of the body.
 */
export function normalizeDiscord(req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const discord = classifyDiscord(payload as Record<string, unknown>);
  if (discord.kind === 'interaction') {
    const name = INTERACTION_NAMES[discord.type] ?? String(discord.type);
    const occurredAt = snowflakeTime(discord.id);
    return {
      type: `interaction.${name}`,
      providerDeliveryId: discord.id,
      ...(occurredAt && { occurredAt }),
    };
  }
  // Webhook PINGs are answered by the handshake and never get here; name one anyway.
  const type = discord.kind === 'event' ? discord.type : 'PING';
  const occurredAt = discord.kind === 'event' ? eventTime(discord.timestamp) : undefined;
  return {
    type,
    providerDeliveryId: bodyDigest(req.rawBody),
    ...(occurredAt && { occurredAt }),
  };
}

/** Bits 22 and up of a snowflake are ms since Discord's epoch. */
function snowflakeTime(id: string): Date | undefined {
  if (!/^\d{1,20}$/.test(id)) return undefined;
  return new Date(Number((BigInt(id) >> 22n) + DISCORD_EPOCH_MS));
}

/** Discord writes the event time without a zone (`2024-10-18T14:42:53.064834`); it is UTC. */
function eventTime(timestamp: string | undefined): Date | undefined {
  if (!timestamp) return undefined;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(timestamp) ? timestamp : `${timestamp}Z`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
