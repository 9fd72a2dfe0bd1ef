'use strict';
// The baseline: bare node:http that reads the body and checks GitHub's X-Hub-Signature-256 with
// HMAC-SHA256 and timingSafeEqual, then answers 200. Nothing is parsed or stored.
// Env: PORT, BENCH_SECRET.
const { createHmac, timingSafeEqual } = require('node:crypto');
const { createServer } = require('node:http');

const secret = process.env.BENCH_SECRET;
if (!secret) throw new Error('BENCH_SECRET is required');

function signatureMatches(header, body) {
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  const expected = createHmac('sha256', secret).update(body).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const server = createServer((req, res) => {
  if (req.method === 'GET') return res.writeHead(200).end('ok');
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const ok = signatureMatches(req.headers['x-hub-signature-256'], Buffer.concat(chunks));
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end(ok ? '{"ok":true}' : '{"ok":false}');
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
