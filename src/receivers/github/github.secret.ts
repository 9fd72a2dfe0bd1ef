import type { SecretRules } from '../shared/secret-rules';

/**
 * GitHub documents no minimum length for a webhook secret, only that it "should be a random
 * string of text with high entropy"
 * (https://docs.github.com/en/webhooks/using-webhooks/best-practices-for-using-webhooks#use-a-webhook-secret),
 * so a short one is a warning, not an error. 16 characters is the floor ASP.NET WebHooks set
 * (aspnet/WebHooks GitHubWebHookVerifySignatureFilter.cs: SecretMinLength).
 */
export const GITHUB_SECRET_RULES: SecretRules = {
  minLength: 16,
  where: "the webhook's Secret in GitHub (Settings > Webhooks)",
};
