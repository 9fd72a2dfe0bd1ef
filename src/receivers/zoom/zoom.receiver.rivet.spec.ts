import { createHmac } from 'node:crypto';
import type { VerifyResult } from '../receiver';
import { fixture, NOW, webhookRequest } from '../shared/receiver.spec-helpers';
import { zoomReceiver as receiver } from './zoom.receiver';

/*
 * Zoom's own SDK, @zoom/rivet, as the independent verifier: its AwsLambdaReceiver checks the
 * request's x-zm-signature and answers endpoint.url_validation itself. Rivet re-serializes the
 * payload (JSON.stringify) before verifying, so the bodies here are compact JSON, for which that
 * equals the bytes sent.
 */
const SECRET = 'zoom-rivet-secret-token';
const compact = (name: string) =>
  Buffer.from(JSON.stringify(JSON.parse(fixture(__dirname, name).toString())));
const timestamp = String(Math.floor(NOW.getTime() / 1000));
const sign = (body: Buffer, secret = SECRET) =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body.toString()}`).digest('hex')}`;

type LambdaAnswer = { statusCode: number; body: string };
type LambdaHandler = (event: object, context: object) => Promise<LambdaAnswer>;
// rivet's accounts module; required, as TypeScript's "node" resolution here reads no "exports".
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { AwsLambdaReceiver } = require('@zoom/rivet/accounts') as {
  AwsLambdaReceiver: new (options: { webhooksSecretToken: string }) => { start(): LambdaHandler };
};
async function rivet(body: Buffer, signature: string): Promise<LambdaAnswer> {
  const lambda = new AwsLambdaReceiver({ webhooksSecretToken: SECRET });
  return lambda.start()(
    {
      body: body.toString(),
      isBase64Encoded: false,
      headers: { 'x-zm-signature': signature, 'x-zm-request-timestamp': timestamp },
    },
    {},
  );
}
const ours = (body: Buffer, signature: string) => {
  const req = webhookRequest(
    { 'x-zm-signature': signature, 'x-zm-request-timestamp': timestamp },
    body,
  );
  const verdict = receiver.verify(req, {
    secrets: [SECRET],
    options: receiver.parseOptions!({}),
    now: NOW,
  }) as VerifyResult;
  return { req, verdict };
};

describe('Zoom receiver against @zoom/rivet', () => {
  beforeAll(() => jest.spyOn(console, 'debug').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('answers url_validation exactly as rivet does, for a request rivet verifies', async () => {
    const body = compact('url-validation.json');
    const signature = sign(body);
    const sdk = await rivet(body, signature);
    expect(sdk.statusCode).toBe(200);
    const { req, verdict } = ours(body, signature);
    expect(verdict).toEqual({ ok: true, secretIndex: 0 });
    const answer = receiver.handshakeAfterVerify!(req, receiver.parse(req), SECRET);
    expect(JSON.parse(answer!.body as string)).toEqual(JSON.parse(sdk.body));
  });

  it('accepts an event rivet accepts, and refuses one rivet refuses', async () => {
    const body = compact('meeting-started.json');
    expect((await rivet(body, sign(body))).statusCode).toBe(200);
    expect(ours(body, sign(body)).verdict).toMatchObject({ ok: true });

    const foreign = sign(body, 'another-secret-token');
    expect((await rivet(body, foreign)).statusCode).toBe(400);
    expect(ours(body, foreign).verdict).toMatchObject({ ok: false, reason: 'signature' });
  });
});
