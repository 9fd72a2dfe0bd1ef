import { checkSecretRules, type SecretCheck } from '../shared/secret-rules';
import { standardWebhooksKey } from './standard-webhooks.signature';
import { WHSEC_RULES } from './standard-webhooks.wire';

/**
 * A Standard Webhooks secret must decode to a key (`whsec_` + base64): one that does not is
 * skipped by every verification, so it is an error; without the prefix, a warning.
 */
export function checkStandardWebhooksSecret(secret: string): SecretCheck {
  if (standardWebhooksKey(secret) === undefined) {
    return (
      'is not a Standard Webhooks secret (whsec_ followed by base64) and would never verify a ' +
      `signature. Use ${WHSEC_RULES.where}.`
    );
  }
  return checkSecretRules(WHSEC_RULES, secret);
}
