/**
 * Replace `${NAME}` in every string of a parsed config with the environment's value. A missing
 * variable is an error that names it (and where it was used), never an empty secret.
 * `$${NAME}` escapes a literal `${NAME}`.
 */
export class MissingVariableError extends Error {}

const PLACEHOLDER = /\$?\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export function interpolateEnv(
  value: unknown,
  env: Readonly<Record<string, string | undefined>>,
  path = '',
): unknown {
  if (typeof value === 'string') {
    return value.replace(PLACEHOLDER, (match, name: string) => {
      if (match.startsWith('$$')) return match.slice(1);
      const replacement = env[name];
      if (replacement === undefined) {
        throw new MissingVariableError(
          `Environment variable ${name} is not set (used at ${path || 'the top level'}).`,
        );
      }
      return replacement;
    });
  }
  if (Array.isArray(value)) {
    return value.map((item, i) => interpolateEnv(item, env, `${path}[${i}]`));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        interpolateEnv(item, env, path ? `${path}.${key}` : key),
      ]),
    );
  }
  return value;
}
