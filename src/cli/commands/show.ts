import type { Command } from 'commander';
import type { DeliveryDetailView } from '../../admin/deliveries.dto';
import { AdminClient, type AdminOptions } from '../admin/admin-client';
import { withAdminOptions } from '../admin/admin-options';
import type { CliContext } from '../context';
import { printJson, printTable, type JsonOption } from '../output';
import { colorStatus } from './status-colors';

export function registerShow(program: Command, ctx: CliContext): void {
  const command = program
    .command('show')
    .description('one delivery: its headers, payload and handler runs')
    .argument('<id>', 'the delivery id');
  withAdminOptions(command).action((id: string, options: AdminOptions & JsonOption) =>
    showDelivery(ctx, id, options),
  );
}

async function showDelivery(ctx: CliContext, id: string, options: AdminOptions & JsonOption) {
  const client = new AdminClient(options, ctx.io.env);
  const delivery = await client.get<DeliveryDetailView>(
    `/admin/deliveries/${encodeURIComponent(id)}`,
  );
  if (options.json) return printJson(ctx.io, delivery);
  const { io } = ctx;
  const { colors } = io;
  io.out(`${colors.bold(delivery.id)}  ${colorStatus(colors, delivery.status)}`);
  io.out(`${delivery.provider}/${delivery.endpoint}  ${delivery.type}`);
  io.out(`received ${delivery.receivedAt}, attempts ${delivery.attempts}`);
  if (delivery.providerDeliveryId) io.out(`provider id ${delivery.providerDeliveryId}`);
  io.out(colors.bold('\nHeaders'));
  for (const [name, value] of Object.entries(delivery.headers)) io.out(`  ${name}: ${value}`);
  io.out(colors.bold('\nPayload'));
  io.out(JSON.stringify(delivery.payload, null, 2));
  if (delivery.runs.length === 0) return io.out(colors.dim('\nNo handler runs.'));
  io.out('');
  printTable(
    io,
    ['HANDLER', 'STATUS', 'ATTEMPTS', 'NEXT ATTEMPT', 'LAST ERROR'],
    delivery.runs.map((run) => [
      run.handler,
      run.status,
      String(run.attempts),
      run.nextAttemptAt ?? '-',
      (run.lastError ?? '-').split('\n')[0],
    ]),
    (cell, column) => (column === 1 ? colorStatus(colors, cell) : cell),
  );
}
