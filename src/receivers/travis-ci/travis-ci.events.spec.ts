import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MalformedBodyError } from '../../errors/webhook-errors';
import { webhookRequest } from '../shared/receiver.spec-helpers';
import { normalizeTravisBuild } from './travis-ci.events';

const build = JSON.parse(
  readFileSync(join(__dirname, 'fixtures', 'build-passed.json'), 'utf8'),
) as Record<string, unknown>;
const req = webhookRequest({}, Buffer.alloc(0), 'application/x-www-form-urlencoded');

describe('travis-ci normalize', () => {
  it('types the documented build by trigger and state, dated when it finished', () => {
    expect(normalizeTravisBuild(req, build)).toEqual({
      type: 'push.passed',
      providerDeliveryId: '1:passed:2014-04-03T10:22:05Z',
      occurredAt: new Date('2014-04-03T10:22:05Z'),
    });
  });

  it('tells the start notification of the same build apart from its finish', () => {
    const started = { ...build, state: 'started', finished_at: null, type: 'pull_request' };
    expect(normalizeTravisBuild(req, started)).toEqual({
      type: 'pull_request.started',
      providerDeliveryId: '1:started:2014-04-03T10:21:05Z',
      occurredAt: new Date('2014-04-03T10:21:05Z'),
    });
  });

  it('tells a restarted build (same id, new times) apart', () => {
    const restarted = { ...build, finished_at: '2014-04-04T08:00:00Z' };
    expect(normalizeTravisBuild(req, restarted).providerDeliveryId).toBe(
      '1:passed:2014-04-04T08:00:00Z',
    );
  });

  it('has no time when the build carries none', () => {
    const canceled = { ...build, state: 'canceled', started_at: null, finished_at: 'soon' };
    expect(normalizeTravisBuild(req, canceled)).toEqual({
      type: 'push.canceled',
      providerDeliveryId: '1:canceled:',
      occurredAt: undefined,
    });
  });

  it.each([
    ['no id', { ...build, id: null }],
    ['no type', { ...build, type: undefined }],
    ['no state', { ...build, state: '' }],
  ])('400 malformed for a payload with %s', (_label, payload) => {
    expect(() => normalizeTravisBuild(req, payload)).toThrow(MalformedBodyError);
  });
});
