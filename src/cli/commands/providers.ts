import type { Command } from 'commander';
import { toProviderView } from '../../admin/providers.dto';
import { RECEIVERS } from '../../receivers/receivers';
import type { CliContext } from '../context';
import { printJson, printTable, type JsonOption } from '../output';

/** The same list as `GET /admin/providers`, from this installation's registry. */
export function providerList() {
  return RECEIVERS.map(toProviderView).sort((a, b) => a.name.localeCompare(b.name));
}

export function registerProviders(program: Command, ctx: CliContext): void {
  program
    .command('providers')
    .description('every provider the gateway knows: aliases, scheme and handshake')
    .option('--json', 'print JSON for scripts (as GET /admin/providers)')
    .action((options: JsonOption) => {
      const items = providerList();
      if (options.json) return printJson(ctx.io, { items });
      const dash = (list: string[]) => (list.length > 0 ? list.join(', ') : '-');
      printTable(
        ctx.io,
        ['PROVIDER', 'ALIASES', 'SCHEME', 'HANDSHAKE'],
        items.map((p) => [p.name, dash(p.aliases), dash(p.schemes), dash(p.handshakes)]),
        (cell, column) => (column === 0 ? ctx.io.colors.cyan(cell) : cell),
      );
    });
}
