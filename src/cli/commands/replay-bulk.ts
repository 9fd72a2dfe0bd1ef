import { Option, type Command } from 'commander';
import { AdminClient, type AdminOptions } from '../admin/admin-client';
import {
  withAdminOptions,
  withDeliveryFilters,
  type DeliveryFilters,
} from '../admin/admin-options';
import type { CliContext } from '../context';
import { CliError } from '../io';
import { printJson, type JsonOption } from '../output';

type Options = AdminOptions &
  DeliveryFilters &
  JsonOption & { handler?: string; status: ('dead' | 'failed')[]; yes?: boolean };

interface BulkResult {
  dryRun: boolean;
  matched: number;
  replayed: number;
}

export function registerReplayBulk(program: Command, ctx: CliContext): void {
  const command = program
    .command('replay-bulk')
    .description('replay dead (or failed) runs by filter: counts first, then asks');
  withDeliveryFilters(command)
    .option('--handler <name>', 'only runs of this handler')
    .addOption(
      new Option('--status <status...>', 'which runs')
        .choices(['dead', 'failed'])
        .default(['dead']),
    )
    .option('-y, --yes', 'replay without asking');
  withAdminOptions(command).action((options: Options) => replayBulk(ctx, options));
}

async function replayBulk(ctx: CliContext, options: Options): Promise<void> {
  const { io } = ctx;
  const client = new AdminClient(options, io.env);
  const { provider, endpoint, type, handler } = options;
  const filter = { provider, endpoint, type, handler, statuses: options.status };
  const count = await client.post<BulkResult>(
    '/admin/runs/replay',
    {},
    { ...filter, dryRun: true },
  );
  if (count.matched === 0) {
    return options.json ? printJson(io, count) : io.out('No runs match: nothing to replay.');
  }
  if (!options.yes) {
    if (!io.interactive) {
      throw new CliError(
        `${count.matched} run(s) match; not a terminal: pass --yes to replay them.`,
      );
    }
    if (!(await io.confirm(`Replay ${count.matched} run(s)?`))) {
      io.err('Nothing replayed.');
      ctx.exitCode = 1;
      return;
    }
  }
  const done = await client.post<BulkResult>(
    '/admin/runs/replay',
    {},
    { ...filter, dryRun: false },
  );
  if (options.json) return printJson(io, done);
  io.out(`Replaying ${done.replayed} of ${done.matched} matching run(s).`);
}
