'use strict';
// The framework reference: NestJS 11 + express with `rawBody: true` (Nest's JSON parser runs and
// keeps the bytes), one controller that checks X-Hub-Signature-256 over req.rawBody. Nothing is
// stored. Plain JS, so decorators are applied by hand. Env: PORT, BENCH_SECRET.
require('reflect-metadata');
const { createHmac, timingSafeEqual } = require('node:crypto');
const { Controller, Get, HttpCode, Module, Post, Req, Res } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');

const secret = process.env.BENCH_SECRET;
if (!secret) throw new Error('BENCH_SECRET is required');

function signatureMatches(header, body) {
  if (typeof header !== 'string' || !header.startsWith('sha256=') || !body) return false;
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  const expected = createHmac('sha256', secret).update(body).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

class VerifyController {
  receive(req, res) {
    const ok = signatureMatches(req.headers['x-hub-signature-256'], req.rawBody);
    res.status(ok ? 200 : 401).json({ ok, event: req.body && req.body.ref });
  }

  health() {
    return 'ok';
  }
}

/** What `@Controller()`, `@Post()`, `@Req()`... would do in TypeScript. */
function decorate(target, name, decorators) {
  const descriptor = Object.getOwnPropertyDescriptor(target, name);
  for (const decorator of decorators) decorator(target, name, descriptor);
}
Req()(VerifyController.prototype, 'receive', 0);
Res()(VerifyController.prototype, 'receive', 1);
decorate(VerifyController.prototype, 'receive', [Post(':provider/:endpointId'), HttpCode(200)]);
decorate(VerifyController.prototype, 'health', [Get('health')]);
Controller('webhooks')(VerifyController);

class VerifyModule {}
Module({ controllers: [VerifyController] })(VerifyModule);

async function main() {
  const app = await NestFactory.create(VerifyModule, { rawBody: true, logger: ['error', 'warn'] });
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT), '127.0.0.1');
}
void main();
