/**
 * What a receiver's `checkSecret` says about one configured secret: nothing, an error (a plain
 * message: start-up stops) or a warning (logged at start-up). Messages never quote the secret.
 */
export type SecretCheck = string | { readonly warning: string } | undefined;

/** A credential of another kind that gets pasted where the signing secret belongs. */
export interface WrongCredential {
  /** How it starts, e.g. Stripe's `sk_`. */
  readonly prefix: string;
  /** What it is, e.g. "a Stripe secret API key". */
  readonly is: string;
}

/**
 * A provider's rules for its signing secrets, as data beside its receiver or descriptor, so
 * that a secret that cannot be right is found at start-up instead of by every delivery's 401.
 */
export interface SecretRules {
  /** Error: the secret is one of these other credentials. */
  readonly notThese?: readonly WrongCredential[];
  /** Warning: the provider's secrets start with this (`whsec_`), and this one does not. */
  readonly prefix?: string;
  /** Warning: shorter than this, the secret is weak (or truncated). */
  readonly minLength?: number;
  /** Where the right secret is found, for the messages: "the endpoint's Signing secret in ...". */
  readonly where: string;
}

/** The first thing wrong with `secret` under `rules`, most serious first. */
export function checkSecretRules(rules: SecretRules, secret: string): SecretCheck {
  const wrong = rules.notThese?.find((credential) => secret.startsWith(credential.prefix));
  if (wrong) {
    return (
      `is ${wrong.is} (${wrong.prefix}...), not a webhook signing secret: every delivery would ` +
      `be refused 401. Use ${rules.where}.`
    );
  }
  if (rules.prefix && !secret.startsWith(rules.prefix)) {
    return {
      warning: `does not start with ${rules.prefix} as this provider's signing secrets do: check it is ${rules.where}.`,
    };
  }
  if (rules.minLength !== undefined && secret.length < rules.minLength) {
    return {
      warning:
        `is ${secret.length} characters long, a weak secret: use at least ` +
        `${rules.minLength} random characters (e.g. "openssl rand -hex 32") and set the same as ${rules.where}.`,
    };
  }
  return undefined;
}
