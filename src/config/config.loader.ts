import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { parse as parseYaml } from 'yaml';
import { RECEIVERS, findReceiver } from '../receivers/receivers';
import type { Receiver } from '../receivers/receiver';
import { HookgateConfig } from './config.schema';
import { DEMO_SECRETS, developmentConfig } from './dev-config';
import { forwardTargetsProblem } from './forward-targets.check';
import { interpolateEnv } from './interpolate';
import { checkConfiguredSecrets } from './secret-checks';
import { replyDeadlineProblem } from './reply-deadline';

/** Any problem with the configuration: start-up stops with this message. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface LoadedConfig {
  config: HookgateConfig;
  /** Where it came from: a file path, or 'development defaults'. */
  source: string;
  /** True when the well-known demo secrets are in use. */
  isDemo: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Load the gateway's config from HOOKGATE_CONFIG (YAML or JSON) and the environment. */
export function loadConfig(env: Env = process.env): LoadedConfig {
  const production = env.NODE_ENV === 'production';
  const path = env.HOOKGATE_CONFIG;
  let raw: unknown;
  if (path) {
    raw = readConfigFile(path);
  } else if (production) {
    throw new ConfigError(
      'HOOKGATE_CONFIG is not set. With NODE_ENV=production the gateway will not start on the ' +
        'development config and its demo secrets; point HOOKGATE_CONFIG at your config file.',
    );
  } else {
    raw = developmentConfig();
  }

  let interpolated: unknown;
  try {
    interpolated = interpolateEnv(raw, env);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const withOverrides = applyEnvOverrides(interpolated, env);
  const config = validateConfig(withOverrides, RECEIVERS, { interpolated: true });
  const isDemo = usesDemoSecrets(config);
  if (production && isDemo) {
    throw new ConfigError(
      'The config uses a well-known demo secret or admin token, and NODE_ENV=production. ' +
        'Set real secrets (e.g. "${GITHUB_SECRET}" from the environment).',
    );
  }
  return { config, source: path || 'development defaults', isDemo };
}

function readConfigFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read the config file ${path}: ${(error as Error).message}`);
  }
  try {
    // YAML is a superset of JSON, but JSON.parse gives the better error for a .json file.
    const value = extname(path).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new Error('the top level must be a mapping of settings');
    }
    return value;
  } catch (error) {
    throw new ConfigError(`Cannot parse the config file ${path}: ${(error as Error).message}`);
  }
}

/** PORT, DATABASE_URL and HOOKGATE_ROLE win over the file, as twelve-factor deployments expect. */
function applyEnvOverrides(raw: unknown, env: Env): unknown {
  const config = { ...(raw as Record<string, unknown>) };
  if (env.PORT !== undefined && env.PORT !== '') {
    const port = Number(env.PORT);
    if (!Number.isInteger(port))
      throw new ConfigError(`PORT must be a whole number, got "${env.PORT}".`);
    config.port = port;
  }
  if (env.DATABASE_URL) {
    config.database = { ...((config.database as object) ?? {}), url: env.DATABASE_URL };
  }
  if (env.HOOKGATE_ROLE) config.role = env.HOOKGATE_ROLE;
  return config;
}

/**
 * Validate a plain config object (from a file, or passed to HookgateModule.forRoot) against
 * the schema and every receiver's option rules. Returns the typed config with defaults.
 */
export function validateConfig(
  plain: unknown,
  receivers: readonly Receiver<any>[] = RECEIVERS,
  /** `interpolated`: `${NAME}`s were expanded from the environment (loadConfig). */
  options: { interpolated?: boolean } = {},
): HookgateConfig {
  const config = plainToInstance(HookgateConfig, plain ?? {}, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    const lines = flattenErrors(errors).map((line) => `  - ${line}`);
    throw new ConfigError(`The config is invalid:\n${lines.join('\n')}`);
  }
  checkEndpoints(config, receivers, options.interpolated ?? false);
  applyRole(config);
  const { leaseMs, timeoutMs } = config.dispatch;
  if (leaseMs !== undefined && leaseMs <= timeoutMs) {
    throw new ConfigError(
      `The config is invalid: dispatch.leaseMs (${leaseMs}) must be longer than dispatch.timeoutMs (${timeoutMs}), or a slow run would be taken over while it still runs.`,
    );
  }
  return config;
}

/** An `api` process runs no workers; a `worker` process that may not dispatch is a mistake. */
function applyRole(config: HookgateConfig): void {
  if (config.role === 'api') config.dispatch.enabled = false;
  if (config.role === 'worker' && !config.dispatch.enabled) {
    throw new ConfigError(
      'The config is invalid: role "worker" with dispatch.enabled: false would do nothing; use role "api" for an edge-only process.',
    );
  }
}

function checkEndpoints(
  config: HookgateConfig,
  receivers: readonly Receiver<any>[],
  interpolated: boolean,
): void {
  // The URL is the key: an id is unique per provider (an alias names the same provider).
  const seen = new Map<string, number>();
  config.endpoints.forEach((endpoint, i) => {
    const at = `endpoints[${i}]`;
    const receiver = findReceiver(endpoint.provider, receivers);
    if (!receiver) {
      const known = receivers.map((r) => r.name).join(', ');
      throw new ConfigError(
        `The config is invalid: ${at}.provider "${endpoint.provider}" is not a known provider (known: ${known}).`,
      );
    }
    const url = `/webhooks/${receiver.name}/${endpoint.id}`;
    const first = seen.get(url);
    if (first !== undefined) {
      throw new ConfigError(
        `The config is invalid: ${at}.id "${endpoint.id}" is already used by endpoints[${first}], also a ${receiver.name} endpoint (both would be ${url}); give one another id.`,
      );
    }
    seen.set(url, i);
    if ((receiver.requiresSecret ?? true) && endpoint.secrets.length === 0) {
      throw new ConfigError(
        `The config is invalid: ${at}.secrets must list at least one secret for provider "${receiver.name}".`,
      );
    }
    try {
      receiver.parseOptions?.(endpoint.options);
    } catch (error) {
      throw new ConfigError(`The config is invalid: ${at}.${(error as Error).message}`);
    }
    const deadline = replyDeadlineProblem(receiver, endpoint.replyDeadlineMs);
    if (deadline) throw new ConfigError(`The config is invalid: ${at}.${deadline}`);
    const forward = forwardTargetsProblem(endpoint.forward ?? []);
    if (forward) throw new ConfigError(`The config is invalid: ${at}.${forward}`);
  });
  // Errors stop start-up here; warnings are logged when the app starts (ConfigWarnings).
  const findings = checkConfiguredSecrets(config, receivers, interpolated);
  const error = findings.find((finding) => finding.level === 'error');
  if (error) throw new ConfigError(`The config is invalid: ${error.message}`);
}

function flattenErrors(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const isIndex = /^\d+$/.test(error.property);
    const path = isIndex
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      // class-validator starts messages with the property name; show the full path instead.
      message.startsWith(`${error.property} `)
        ? `${path}${message.slice(error.property.length)}`
        : `${path}: ${message}`,
    );
    return [...own, ...flattenErrors(error.children ?? [], path)];
  });
}

function usesDemoSecrets(config: HookgateConfig): boolean {
  const values = [config.admin.token, ...config.endpoints.flatMap((e) => e.secrets)];
  return values.some((value) => value !== undefined && DEMO_SECRETS.includes(value));
}
