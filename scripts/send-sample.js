#!/usr/bin/env node
// Send one correctly signed GitHub `push` delivery to a running development gateway, then show
// it through the admin API. Uses the development config's public demo secrets; override with
// HOOKGATE_URL, GITHUB_SECRET and HOOKGATE_ADMIN_TOKEN to aim at another gateway.
'use strict';
const { createHmac, randomUUID } = require('node:crypto');

const base = process.env.HOOKGATE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
const secret = process.env.GITHUB_SECRET ?? 'hookgate-demo-github-secret';
const adminToken = process.env.HOOKGATE_ADMIN_TOKEN ?? 'hookgate-demo-admin-token';
const endpoint = process.env.HOOKGATE_ENDPOINT ?? 'demo';

const body = JSON.stringify({
  ref: 'refs/heads/main',
  before: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
  after: '0000000000000000000000000000000000000000',
  repository: { id: 186853002, name: 'hello-world', full_name: 'octo-org/hello-world' },
  pusher: { name: 'octocat', email: 'octocat@github.com' },
  sender: { login: 'octocat', id: 21031067, type: 'User' },
  commits: [],
});
const delivery = randomUUID();

async function main() {
  const res = await fetch(`${base}/webhooks/github/${endpoint}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'push',
      'x-github-delivery': delivery,
      'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
      'user-agent': 'GitHub-Hookshot/sample',
    },
    body,
  });
  console.log(`POST /webhooks/github/${endpoint} -> ${res.status} ${await res.text()}`);
  if (res.status !== 200) process.exit(1);

  const list = await fetch(`${base}/admin/deliveries?limit=1`, {
    headers: { authorization: `Bearer ${adminToken}` },
  });
  console.log(`GET /admin/deliveries?limit=1 -> ${list.status}`);
  console.log(JSON.stringify(await list.json(), null, 2));
}

main().catch((error) => {
  console.error(
    `Could not reach the gateway at ${base}: ${error.message}. Is \`npm start\` running?`,
  );
  process.exit(1);
});
