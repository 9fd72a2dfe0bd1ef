import { createHmac } from 'node:crypto';
import { findReceiver } from '../receivers';
import {
  fixture,
  normalizeWith,
  verifyWith,
  webhookRequest,
} from '../shared/receiver.spec-helpers';
import { jiraReceiver as receiver } from './jira.receiver';

/*
 * Atlassian publishes no vector: the documented scheme (`X-Hub-Signature: sha256=<hex
 * HMAC-SHA256 of the body>`, confluence.atlassian.com "Managing webhooks") is computed here with
 * node:crypto. The body follows the documented jira:issue_created shape (timestamp,
 * webhookEvent, issue_event_type_name, user, issue), trimmed.
 */
const BODY = fixture(__dirname, 'issue-created.json');
const SECRET = 'jira-admin-webhook-secret';
const IDENTIFIER = '28f1d9b4-5c6e-4f0a-9d3b-7e2a1c8b6f40';
const sha256 = (body: Buffer, secret = SECRET) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
const signed = (signature: string, body: Buffer = BODY) =>
  webhookRequest(
    {
      'X-Hub-Signature': signature,
      'X-Atlassian-Webhook-Identifier': IDENTIFIER,
      'X-Atlassian-Webhook-Flow': 'Primary',
    },
    body,
  );

describe('Jira receiver', () => {
  it('accepts X-Hub-Signature: sha256=<hex> over the raw body', () => {
    expect(verifyWith(receiver, signed(sha256(BODY)), ['rotated', SECRET])).toEqual({
      ok: true,
      secretIndex: 1,
    });
  });

  it.each([
    [
      'no X-Hub-Signature (a webhook without a secret)',
      webhookRequest({}, BODY),
      /set a secret on the Atlassian webhook/,
    ],
    ['a wrong secret', signed(sha256(BODY, 'wrong')), /does not match/],
    [
      'a body changed after signing',
      signed(sha256(BODY), Buffer.from(BODY.toString().replace('ED-1', 'ED-2'))),
      /does not match/,
    ],
    [
      'the bare hex without sha256=',
      signed(sha256(BODY).slice('sha256='.length)),
      /does not match/,
    ],
    [
      'a sha1= signature',
      signed(`sha1=${createHmac('sha1', SECRET).update(BODY).digest('hex')}`),
      /does not match/,
    ],
  ])('refuses %s (401)', (_case, req, message) => {
    const result = verifyWith(receiver, req, [SECRET]);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it('normalizes webhookEvent, X-Atlassian-Webhook-Identifier and timestamp (ms)', () => {
    expect(normalizeWith(receiver, signed('x'))).toEqual({
      type: 'jira:issue_created',
      providerDeliveryId: IDENTIFIER,
      occurredAt: new Date(1718891612345),
    });
  });

  it('falls back to the body "event" (Confluence, unconfirmed) and leaves out a bad timestamp', () => {
    const page = Buffer.from('{"event":"page_created","timestamp":"soon","page":{"id":1}}');
    expect(normalizeWith(receiver, webhookRequest({}, page))).toEqual({ type: 'page_created' });
  });

  it('refuses a body with neither webhookEvent nor event (400)', () => {
    expect(() => normalizeWith(receiver, signed('x', Buffer.from('{"issue":{}}')))).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringContaining('webhookEvent') }),
    );
  });

  it('is reachable as confluence and takes no options', () => {
    expect(findReceiver('confluence')).toBe(receiver);
    expect(() => receiver.parseOptions!({ jql: 'project = ED' })).toThrow(
      /^options\.jql is not a Jira option/,
    );
  });
});
