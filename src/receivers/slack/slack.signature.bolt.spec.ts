import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isValidSlackRequest } from '@slack/bolt';
import { verifySlackSignature } from './slack.signature';
import { AT_VECTOR_TIME, reference, VECTOR } from './slack.signature.spec-helpers';

describe('Slack signature agrees with @slack/bolt verifySlackRequest', () => {
  const secret = 'bolt-agreement-secret';
  const now = new Date('2026-11-27T12:00:00Z');
  const ts = String(Math.floor(now.getTime() / 1000));
  const json = readFileSync(join(__dirname, 'fixtures/event-callback.json'));
  const form = readFileSync(join(__dirname, 'fixtures/slash-command.txt'));
  const interactivity = Buffer.from(
    'payload=' +
      encodeURIComponent(readFileSync(join(__dirname, 'fixtures/block-actions.json'), 'utf8')),
  );

  // [case, X-Slack-Signature, X-Slack-Request-Timestamp, body, valid?]
  const requests: [string, string, string, Buffer, boolean][] = [
    ['a JSON event signed now', reference(secret, ts, json), ts, json, true],
    ['a slash command form signed now', reference(secret, ts, form), ts, form, true],
    [
      'an interactivity form signed now',
      reference(secret, ts, interactivity),
      ts,
      interactivity,
      true,
    ],
    [
      'a request 4 minutes old',
      reference(secret, String(+ts - 240), json),
      String(+ts - 240),
      json,
      true,
    ],
    ['a JSON event signed with another secret', reference('other', ts, json), ts, json, false],
    [
      'a form re-encoded after signing',
      reference(secret, ts, form),
      ts,
      Buffer.from(form.toString().replace(/%2F/g, '/')),
      false,
    ],
    [
      'a request 6 minutes old',
      reference(secret, String(+ts - 360), json),
      String(+ts - 360),
      json,
      false,
    ],
    ['a v1 signature', reference(secret, ts, json).replace('v0=', 'v1='), ts, json, false],
  ];

  it.each(requests)('%s', (_case, signature, timestamp, body, valid) => {
    const bolt = isValidSlackRequest({
      signingSecret: secret,
      body: body.toString('utf8'),
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(timestamp) },
      nowMilliseconds: now.getTime(),
    });
    const ours = verifySlackSignature({ signature, timestamp, body }, [secret], now);
    expect(bolt).toBe(valid);
    expect(ours.ok).toBe(valid);
  });

  it('is stricter than bolt-js on future timestamps (bolt-js checks only the past)', () => {
    const future = String(+ts + 600);
    const signature = reference(secret, future, json);
    const bolt = isValidSlackRequest({
      signingSecret: secret,
      body: json.toString('utf8'),
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(future) },
      nowMilliseconds: now.getTime(),
    });
    expect(bolt).toBe(true);
    expect(
      verifySlackSignature({ signature, timestamp: future, body: json }, [secret], now),
    ).toMatchObject({
      ok: false,
      reason: 'stale-timestamp',
    });
  });

  it('accepts the published vector exactly as bolt-js does at the vector time', () => {
    const bolt = isValidSlackRequest({
      signingSecret: VECTOR.secret,
      body: VECTOR.body.toString('utf8'),
      headers: {
        'x-slack-signature': VECTOR.signature,
        'x-slack-request-timestamp': Number(VECTOR.timestamp),
      },
      nowMilliseconds: AT_VECTOR_TIME.getTime(),
    });
    expect(bolt).toBe(true);
    expect(verifySlackSignature(valid(), [VECTOR.secret], AT_VECTOR_TIME).ok).toBe(true);
  });

  function valid() {
    return { signature: VECTOR.signature, timestamp: VECTOR.timestamp, body: VECTOR.body };
  }
});
