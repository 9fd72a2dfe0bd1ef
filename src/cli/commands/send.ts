import { InvalidArgumentError, type Command } from 'commander';
import { readFileSync } from 'node:fs';
// Not the testing index: that would load the testing app and Nest's testing package.
import { signWebhook } from '../../testing/sign-webhook';
import { SignWebhookError } from '../../testing/signers/signer';
import { unreachable } from '../admin/admin-client';
import type { CliContext } from '../context';
import { CliError } from '../io';
import { printJson, type JsonOption } from '../output';
import { resolveProviderName } from '../provider-names';

interface Options extends JsonOption {
  url: string;
  secret: string;
  payload?: string;
  option: Record<string, unknown>;
}

export function registerSend(program: Command, ctx: CliContext): void {
  program
    .command('send')
    .description('send a signed delivery as the provider would (its sample payload by default)')
    .argument('<provider>', 'provider name or alias (see hookgate providers)')
    .argument('[type]', 'event type (default: the sample the provider sends most)')
    .requiredOption('--url <url>', 'the endpoint, e.g. http://localhost:3000/webhooks/github/acme')
    .requiredOption(
      '--secret <secret>',
      "the endpoint's secret (a private key PEM for key schemes)",
    )
    .option('--payload <file>', 'send these exact bytes instead of the sample')
    .option(
      '--option <key=value>',
      "a signer option (repeatable): the endpoint's options, or signer-only ones such as signingCertUrl",
      collectOption,
      {},
    )
    .option('--json', 'print JSON for scripts')
    .action((provider: string, type: string | undefined, options: Options) =>
      send(ctx, provider, type, options),
    );
}

async function send(ctx: CliContext, provider: string, type: string | undefined, options: Options) {
  const name = resolveProviderName(provider);
  const body = options.payload === undefined ? undefined : readPayload(options.payload);
  let signed;
  try {
    signed = signWebhook(name, {
      secret: options.secret,
      url: options.url,
      options: options.option,
      ...(type !== undefined && { type }),
      ...(body !== undefined && { body }),
    });
  } catch (error) {
    if (error instanceof SignWebhookError) throw new CliError(`Cannot sign: ${error.message}`);
    throw error;
  }
  const target = signed.url ?? options.url;
  if (ctx.io.interactive)
    ctx.io.err(ctx.io.colors.dim(`POST ${target} (${name}${type ? ` ${type}` : ''})`));
  let res: Response;
  try {
    res = await fetch(target, {
      method: signed.method,
      headers: signed.headers,
      body: signed.body,
    });
  } catch (error) {
    throw unreachable(target, error);
  }
  const text = await res.text();
  ctx.exitCode = res.ok ? 0 : 1;
  if (options.json) return printJson(ctx.io, { status: res.status, body: text });
  const { colors } = ctx.io;
  const status = `${res.status} ${res.statusText}`;
  ctx.io.out(res.ok ? colors.green(status) : colors.red(status));
  if (text) ctx.io.out(text);
}

function readPayload(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new CliError(`Cannot read --payload ${file}: ${(error as NodeJS.ErrnoException).code}`);
  }
}

/** `--option key=value`, repeatable; a value that reads as JSON (numbers, lists) is parsed. */
function collectOption(pair: string, options: Record<string, unknown>): Record<string, unknown> {
  const at = pair.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError('key=value is expected.');
  const raw = pair.slice(at + 1);
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    // Not JSON: the text itself.
  }
  return { ...options, [pair.slice(0, at)]: value };
}
