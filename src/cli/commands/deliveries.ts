import { InvalidArgumentError, Option, type Command } from 'commander';
import type { DeliveryView } from '../../admin/deliveries.dto';
import { AdminClient, type AdminOptions } from '../admin/admin-client';
import {
  withAdminOptions,
  withDeliveryFilters,
  type DeliveryFilters,
} from '../admin/admin-options';
import type { CliContext } from '../context';
import { printJson, printTable, type JsonOption } from '../output';
import { colorStatus } from './status-colors';

type Options = AdminOptions &
  DeliveryFilters &
  JsonOption & { status?: string; limit?: number; cursor?: string };

export function registerDeliveries(program: Command, ctx: CliContext): void {
  const command = program
    .command('deliveries')
    .description("list a running gateway's deliveries, newest first");
  withDeliveryFilters(command)
    .addOption(
      new Option('--status <status>', 'only this status').choices([
        'pending',
        'processing',
        'succeeded',
        'failed',
        'dead',
      ]),
    )
    .option('--limit <n>', 'at most this many (1-500)', parseLimit, 50)
    .option('--cursor <cursor>', 'the next page: the cursor printed under a full page');
  withAdminOptions(command).action((options: Options) => listDeliveries(ctx, options));
}

async function listDeliveries(ctx: CliContext, options: Options): Promise<void> {
  const client = new AdminClient(options, ctx.io.env);
  const { provider, endpoint, type, status, limit, cursor } = options;
  const page = await client.get<{ items: DeliveryView[]; nextCursor: string | null }>(
    '/admin/deliveries',
    { provider, endpoint, type, status, limit, cursor },
  );
  if (options.json) return printJson(ctx.io, page);
  if (page.items.length === 0) return ctx.io.out('No deliveries.');
  const { colors } = ctx.io;
  printTable(
    ctx.io,
    ['ID', 'RECEIVED', 'STATUS', 'ENDPOINT', 'TYPE'],
    page.items.map((d) => [d.id, d.receivedAt, d.status, `${d.provider}/${d.endpoint}`, d.type]),
    (cell, column) => (column === 2 ? colorStatus(colors, cell) : cell),
  );
  if (page.nextCursor) ctx.io.out(colors.dim(`More: --cursor ${page.nextCursor}`));
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw new InvalidArgumentError('a whole number from 1 to 500 is expected.');
  }
  return limit;
}
