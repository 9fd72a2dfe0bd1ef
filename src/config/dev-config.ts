/**
 * The development config used when HOOKGATE_CONFIG is not set (never in production). Its
 * secrets are public knowledge: `npm run send:sample` (README.md, Quick start) signs with them.
 */
export const DEMO_GITHUB_SECRET = 'hookgate-demo-github-secret';
export const DEMO_ADMIN_TOKEN = 'hookgate-demo-admin-token';

/** Values that must never be accepted when NODE_ENV=production. */
export const DEMO_SECRETS: readonly string[] = [DEMO_GITHUB_SECRET, DEMO_ADMIN_TOKEN];

export function developmentConfig(): Record<string, unknown> {
  return {
    port: 3000,
    database: { url: 'sqlite:data/hookgate.sqlite' },
    admin: { token: DEMO_ADMIN_TOKEN },
    endpoints: [{ provider: 'github', id: 'demo', secrets: [DEMO_GITHUB_SECRET] }],
    exampleHandlers: true,
  };
}
