import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingWebhook } from '../receiver';
import { slackReceiver } from './slack.receiver';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));
const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

function request(body: Buffer | string, contentType = JSON_TYPE, method = 'POST'): IncomingWebhook {
  return {
    method,
    url: 'https://hooks.example.com/webhooks/slack/app',
    query: {},
    headers: {},
    rawBody: Buffer.from(body),
    contentType,
  };
}
const interactivity = (json: string) => `payload=${encodeURIComponent(json)}`;

describe('Slack options', () => {
  it.each([
    [undefined, { toleranceSeconds: 300 }],
    [{}, { toleranceSeconds: 300 }],
    [{ toleranceSeconds: 0 }, { toleranceSeconds: 0 }],
    [{ toleranceSeconds: 60 }, { toleranceSeconds: 60 }],
  ])('%j → %j', (options, expected) => {
    expect(slackReceiver.parseOptions!(options)).toEqual(expected);
  });

  it.each([
    [{ toleranceSeconds: -1 }, /^options\.toleranceSeconds must be a whole number/],
    [{ toleranceSeconds: 1.5 }, /^options\.toleranceSeconds must be a whole number/],
    [{ toleranceSeconds: '300' }, /^options\.toleranceSeconds must be a whole number/],
    [
      { tolerance: 300 },
      /^options\.tolerance is not a Slack option; remove it \(known: toleranceSeconds\)/,
    ],
  ])('%j is refused', (options, message) => {
    expect(() => slackReceiver.parseOptions!(options)).toThrow(message);
  });
});

describe('Slack normalization', () => {
  const normalize = (req: IncomingWebhook) =>
    slackReceiver.normalize(req, slackReceiver.parse(req));

  it.each([
    [
      'an Events API event_callback',
      request(fixture('event-callback.json')),
      {
        type: 'app_mention',
        providerDeliveryId: 'Ev123ABC456',
        occurredAt: new Date(1515449522 * 1000),
      },
    ],
    [
      'a slash command',
      request(fixture('slash-command.txt'), FORM_TYPE),
      {
        type: 'slash_command',
        providerDeliveryId: '398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
      },
    ],
    [
      'a block_actions payload',
      request(interactivity(fixture('block-actions.json').toString()), FORM_TYPE),
      {
        type: 'block_actions',
        providerDeliveryId: '12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3',
      },
    ],
    [
      'an app_rate_limited envelope',
      request(
        '{"token":"x","type":"app_rate_limited","team_id":"T1","minute_rate_limited":1518467820,"api_app_id":"A1"}',
      ),
      { type: 'app_rate_limited', providerDeliveryId: undefined },
    ],
    [
      'a view_closed payload without trigger_id',
      request(interactivity('{"type":"view_closed","team":{"id":"T1"}}'), FORM_TYPE),
      { type: 'view_closed', providerDeliveryId: undefined },
    ],
  ])('%s', (_case, req, expected) => {
    expect(normalize(req)).toEqual(expected);
  });

  it('parses an interactivity form into the JSON it carries', () => {
    const req = request(interactivity(fixture('block-actions.json').toString()), FORM_TYPE);
    expect(slackReceiver.parse(req)).toEqual(JSON.parse(fixture('block-actions.json').toString()));
  });

  it.each([
    ['an envelope without type', request('{"event_id":"Ev1"}'), /no "type"/],
    [
      'an event_callback without event.type',
      request('{"type":"event_callback","event":{}}'),
      /no "event.type"/,
    ],
    [
      'a form that is neither command nor payload',
      request('text=hi', FORM_TYPE),
      /neither a slash command/,
    ],
    ['a payload field that is not JSON', request('payload=%7Boops', FORM_TYPE), /invalid JSON/],
  ])('refuses %s with a 400', (_case, req, message) => {
    expect(() => normalize(req)).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringMatching(message) }),
    );
  });
});

describe('Slack handshakes', () => {
  it('answers url_verification after verify with {"challenge"} as JSON', () => {
    const req = request(fixture('url-verification.json'));
    expect(slackReceiver.handshakeAfterVerify!(req, slackReceiver.parse(req))).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: { challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' },
    });
  });

  it('refuses url_verification without a challenge (400), and lets other events through', () => {
    const bad = request('{"type":"url_verification","token":"x"}');
    expect(() => slackReceiver.handshakeAfterVerify!(bad, slackReceiver.parse(bad))).toThrow(
      expect.objectContaining({ status: 400 }),
    );
    const event = request(fixture('event-callback.json'));
    expect(slackReceiver.handshakeAfterVerify!(event, slackReceiver.parse(event))).toBeUndefined();
  });

  const ctx = { secrets: ['s'], options: { toleranceSeconds: 300 }, now: new Date() };
  it.each([
    ['ssl_check=1&token=xyz', FORM_TYPE, { status: 200 }],
    ['ssl_check=1&command=%2Fdeploy&text=prod', FORM_TYPE, { status: 200 }],
    ['ssl_check=0', FORM_TYPE, undefined],
    ['command=%2Fdeploy', FORM_TYPE, undefined],
    ['{"ssl_check":"1"}', JSON_TYPE, undefined],
    [Buffer.from([0x73, 0x73, 0x6c, 0xff]), FORM_TYPE, undefined],
  ])('ssl_check probe %j (%s) → %j', (body, contentType, expected) => {
    expect(slackReceiver.handshakeBeforeVerify!(request(body, contentType), ctx)).toEqual(expected);
  });

  it('acknowledges with an empty body and the delivery id in headers', () => {
    expect(slackReceiver.acknowledge!({ id: 'd1', duplicate: true })).toEqual({
      status: 200,
      headers: { 'x-hookgate-delivery-id': 'd1', 'x-hookgate-duplicate': 'true' },
    });
  });
});
