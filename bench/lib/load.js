'use strict';
// One round of load (wrk when installed, see wrk.js; otherwise autocannon's programmatic API):
// the same signed body on every request, a fresh X-GitHub-Delivery per request (so the gateway
// stores every one, no duplicates).
const { randomUUID } = require('node:crypto');
const autocannon = require('autocannon');
const { settings } = require('./settings');
const { wrkInstalled, wrkRound } = require('./wrk');

/** The tool for timed rounds; counted loads (`amount`) always use autocannon (wrk cannot). */
const roundTool =
  settings.tool === 'autocannon' || (settings.tool === 'auto' && !wrkInstalled())
    ? 'autocannon'
    : 'wrk';

/**
 * Load `url` for `durationS` seconds (or exactly `amount` requests) with `connections`
 * keep-alive connections, no pipelining. Resolves with autocannon's result.
 */
function loadRound({ url, payload, connections, durationS, amount }) {
  if (!amount && roundTool === 'wrk') return wrkRound({ url, payload, connections, durationS });
  const options = {
    url,
    connections,
    pipelining: 1,
    timeout: 30,
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/bench',
      'x-github-event': 'push',
      'x-github-hook-id': '1',
      'x-hub-signature-256': payload.signature,
    },
    body: payload.body,
    requests: [
      {
        setupRequest(request) {
          request.headers['x-github-delivery'] = randomUUID();
          return request;
        },
        onResponse() {
          lastResponseAt = performance.now();
        },
      },
    ],
  };
  if (amount) options.amount = amount;
  else options.duration = durationS;
  let lastResponseAt;
  const startedAt = performance.now();
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => {
      if (error) return reject(error);
      // autocannon notices a counted load's end only at its next 1 s sample tick, so its own
      // duration is rounded up to the second; time a counted load to its last response instead.
      if (amount && lastResponseAt !== undefined) {
        result.duration = (lastResponseAt - startedAt) / 1000;
      }
      resolve(result);
    });
  });
}

/** The numbers the report prints, from one autocannon result. */
function summarize(result) {
  return {
    reqPerSec: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    total: result.requests.total,
  };
}

module.exports = { loadRound, summarize, roundTool };
