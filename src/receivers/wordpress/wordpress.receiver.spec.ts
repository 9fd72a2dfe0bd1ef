import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingWebhook } from '../receiver';
import { wordpressReceiver as receiver } from './wordpress.receiver';

const POST = readFileSync(join(__dirname, 'fixtures/publish-post.txt'));
const request = (body: Buffer): IncomingWebhook => ({
  method: 'POST',
  url: 'https://hooks.example.com/webhooks/wordpress/blog',
  query: { code: 'c'.repeat(32) },
  headers: {},
  rawBody: body,
  contentType: 'application/x-www-form-urlencoded',
});

describe('WordPress receiver', () => {
  it('takes forms on POST only', () => {
    expect(receiver.contentTypes).toEqual(['application/x-www-form-urlencoded']);
    expect(receiver.methods).toBeUndefined();
    expect(receiver.handshakeBeforeVerify).toBeUndefined();
  });

  it('reads the action from hook, stores every delivery (no id), decodes UTF-8', () => {
    const req = request(POST);
    const payload = receiver.parse(req);
    expect(payload).toMatchObject({ hook: 'publish_post', post_title: 'Café opening on Friday' });
    expect(receiver.normalize(req, payload)).toEqual({ type: 'publish_post' });
  });

  it('refuses a form without hook (400), as ASP.NET does', () => {
    const req = request(Buffer.from('ID=1342&post_title=Hello'));
    expect(() => receiver.normalize(req, receiver.parse(req))).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringContaining('"hook"') }),
    );
  });
});
