import type { Command } from 'commander';
import type { LiveEvent } from '../../store/store-events';
import { AdminClient, type AdminOptions } from '../admin/admin-client';
import {
  withAdminOptions,
  withDeliveryFilters,
  type DeliveryFilters,
} from '../admin/admin-options';
import { followEvents } from '../admin/event-stream';
import type { CliContext } from '../context';
import type { Colors } from '../io';
import type { JsonOption } from '../output';

export type TailOptions = AdminOptions & DeliveryFilters & JsonOption;

export function registerTail(program: Command, ctx: CliContext): void {
  const command = program
    .command('tail')
    .description('new deliveries and handler run outcomes, live (Ctrl-C to stop)');
  withDeliveryFilters(command);
  withAdminOptions(command).action(async (options: TailOptions) => {
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    try {
      await tail(ctx, options, controller.signal);
    } finally {
      process.off('SIGINT', stop);
    }
  });
}

/** Print one line per event (one JSON object per line with --json) until `signal` aborts. */
export async function tail(ctx: CliContext, options: TailOptions, signal: AbortSignal) {
  const { io } = ctx;
  const client = new AdminClient(options, io.env);
  if (!options.json) io.err(io.colors.dim(`Following ${client.baseUrl}/admin/events`));
  await followEvents(
    client,
    {
      onEvent(event) {
        if (!matches(event, options)) return;
        io.out(options.json ? JSON.stringify(event) : eventLine(event, io.colors));
      },
      onReconnecting(delayMs, reason) {
        io.err(io.colors.yellow(`Disconnected (${reason}); reconnecting in ${delayMs} ms`));
      },
    },
    signal,
  );
}

function matches(event: LiveEvent, filters: DeliveryFilters): boolean {
  return (
    (!filters.provider || event.provider === filters.provider) &&
    (!filters.endpoint || event.endpoint === filters.endpoint) &&
    (!filters.type || event.type === filters.type)
  );
}

function eventLine(event: LiveEvent, colors: Colors): string {
  const time = new Date().toISOString().slice(11, 23);
  const where = `${event.provider}/${event.endpoint} ${event.type}`;
  if (event.kind === 'delivery.stored') {
    return `${colors.dim(time)} ${colors.cyan('stored   ')} ${where} ${event.id}`;
  }
  const paint =
    event.status === 'succeeded'
      ? colors.green
      : event.status === 'dead'
        ? colors.red
        : colors.yellow;
  const run = `${event.handler} (attempt ${event.attempt})`;
  return `${colors.dim(time)} ${paint(event.status.padEnd(9))} ${where} ${event.deliveryId} ${run}`;
}
