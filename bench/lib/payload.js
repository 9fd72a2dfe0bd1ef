'use strict';
// The request every server receives: a real GitHub `push` example, padded to the wanted size and
// signed once (the signature covers only the body, so one body serves every request).
const { createHmac, randomBytes } = require('node:crypto');
const examples = require('@octokit/webhooks-examples');

/** The largest push example that still fits in `bytes` (the smallest if none fits). */
function pushExample(bytes) {
  const push = examples.find((entry) => entry.name === 'push');
  if (!push) throw new Error('@octokit/webhooks-examples has no push examples');
  const bySize = [...push.examples].sort((a, b) => size(a) - size(b));
  const fitting = bySize.filter((example) => size({ ...example, bench_padding: '' }) <= bytes);
  return fitting.length > 0 ? fitting[fitting.length - 1] : bySize[0];
}

function size(value) {
  return Buffer.byteLength(JSON.stringify(value));
}

/** JSON of a push payload of exactly `bytes` bytes (or the example's size if larger). */
function pushBody(bytes) {
  const payload = { ...pushExample(bytes), bench_padding: '' };
  const missing = bytes - size(payload);
  if (missing > 0) payload.bench_padding = 'x'.repeat(missing);
  return Buffer.from(JSON.stringify(payload));
}

function signedPush(bytes) {
  const secret = `bench-${randomBytes(16).toString('hex')}`;
  const body = pushBody(bytes);
  const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  return { secret, body, signature };
}

module.exports = { signedPush };
