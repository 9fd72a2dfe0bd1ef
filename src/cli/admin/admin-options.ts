import { Option, type Command } from 'commander';

/** The options every command against a running gateway takes. */
export function withAdminOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--url <url>', 'the gateway (default http://localhost:3000)').env('HOOKGATE_URL'),
    )
    .addOption(new Option('--token <token>', 'admin bearer token').env('HOOKGATE_ADMIN_TOKEN'))
    .option('--json', 'print JSON for scripts');
}

/** Filters shared by `deliveries`, `replay-bulk` and `tail`. */
export function withDeliveryFilters(command: Command): Command {
  return command
    .option('--provider <name>', 'only this provider')
    .option('--endpoint <id>', 'only this endpoint')
    .option('--type <type>', 'only this normalized event type');
}

export interface DeliveryFilters {
  provider?: string;
  endpoint?: string;
  type?: string;
}
