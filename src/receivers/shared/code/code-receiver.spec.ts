import type { IncomingWebhook, ReceiverContext } from '../../receiver';
import { codeReceiver, type CodeOptions } from './code-receiver';

const CODE = 'fe2c1b0a9d8e7f6a5b4c3d2e1f0a9b8c';
const ctx: ReceiverContext<CodeOptions> = {
  secrets: ['0'.repeat(32), CODE],
  options: {},
  now: new Date(),
};

const formProvider = codeReceiver({
  name: 'form-provider',
  title: 'Form Provider',
  contentTypes: ['application/x-www-form-urlencoded'],
  body: 'form',
  getValidator: true,
  type: { path: 'type' },
});
const jsonProvider = codeReceiver({
  name: 'json-provider',
  title: 'JSON Provider',
  contentTypes: ['application/json'],
  body: 'json',
  ackDeadlineMs: 5_000,
  type: { path: 'kind' },
  ping: { path: 'kind', value: 'Ping' },
});

function request(
  method: string,
  query: Record<string, string>,
  body = '',
  headers: Record<string, string> = {},
): IncomingWebhook {
  return {
    method,
    url: 'https://hooks.example.com/webhooks/p/e',
    query,
    headers,
    rawBody: Buffer.from(body),
  };
}

describe('codeReceiver', () => {
  it('declares what the descriptor says, GET only with a validator', () => {
    expect(formProvider).toMatchObject({
      name: 'form-provider',
      contentTypes: ['application/x-www-form-urlencoded'],
      methods: ['GET', 'POST'],
    });
    expect(jsonProvider.methods).toBeUndefined();
    expect(jsonProvider.ackDeadlineMs).toBe(5_000);
    expect(jsonProvider.handshakeBeforeVerify).toBeUndefined();
  });

  it('refuses a descriptor without a type or a normalize', () => {
    expect(() =>
      codeReceiver({
        name: 'n',
        title: 'Nameless',
        contentTypes: ['application/json'],
        body: 'json',
      }),
    ).toThrow('The Nameless descriptor: it names neither type nor normalize.');
  });

  it('takes no options, and says where the secret goes', () => {
    expect(formProvider.parseOptions!(undefined)).toEqual({});
    expect(formProvider.parseOptions!({})).toEqual({});
    expect(() => formProvider.parseOptions!({ code: CODE })).toThrow(
      'options.code is not a Form Provider option; remove it (Form Provider takes none): the secret goes in secrets.',
    );
  });

  it('checks secrets by the ?code= rule', () => {
    expect(formProvider.checkSecret!(CODE)).toBeUndefined();
    expect(formProvider.checkSecret!('short')).toMatch(/^is 5 characters long/);
  });

  it('verifies the query code against every secret', () => {
    expect(jsonProvider.verify(request('POST', { code: CODE }), ctx)).toEqual({
      ok: true,
      secretIndex: 1,
    });
    expect(jsonProvider.verify(request('POST', { code: 'nope' }), ctx)).toMatchObject({
      ok: false,
      reason: 'signature',
    });
  });

  describe('the GET validator', () => {
    it('answers 200 with no body once the code matched', () => {
      expect(formProvider.handshakeBeforeVerify!(request('GET', { code: CODE }), ctx)).toEqual({
        status: 200,
      });
    });

    it.each([
      ['without a code', {}],
      ['with a wrong code', { code: 'a'.repeat(32) }],
    ])('refuses a GET %s with 401, never quoting the code', (_name, query) => {
      let refusal: unknown;
      try {
        formProvider.handshakeBeforeVerify!(request('GET', query), ctx);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toMatchObject({ status: 401, reason: 'signature' });
      expect((refusal as Error).message).toMatch(/"code" query parameter/);
      expect((refusal as Error).message).not.toContain(CODE);
    });

    it('leaves a POST to verification', () => {
      expect(formProvider.handshakeBeforeVerify!(request('POST', {}), ctx)).toBeUndefined();
    });
  });

  describe('bodies', () => {
    it('parses a form, one value per field (the last), UTF-8 decoded', () => {
      const req = request(
        'POST',
        {},
        'type=subscribe&data%5Bemail%5D=caf%C3%A9%40x.io&type=profile',
      );
      expect(formProvider.parse(req)).toEqual({ type: 'profile', 'data[email]': 'café@x.io' });
    });

    it('parses a JSON object and refuses other JSON (400)', () => {
      expect(jsonProvider.parse(request('POST', {}, '{"kind":"Build"}'))).toEqual({
        kind: 'Build',
      });
      for (const body of ['[1]', '{"kind":', '"text"'])
        expect(() => jsonProvider.parse(request('POST', {}, body))).toThrow(
          expect.objectContaining({ status: 400 }),
        );
    });

    it('refuses a form that is not UTF-8 (400)', () => {
      const req = { ...request('POST', {}), rawBody: Buffer.from([0x74, 0x3d, 0xff]) };
      expect(() => formProvider.parse(req)).toThrow(expect.objectContaining({ status: 400 }));
    });
  });

  describe('the ping', () => {
    const answer = (payload: unknown) =>
      jsonProvider.handshakeAfterVerify!(request('POST', { code: CODE }), payload);

    it('answers the ping 200 and nothing else (case-insensitive, as ASP.NET)', () => {
      expect(answer({ kind: 'Ping' })).toEqual({ status: 200 });
      expect(answer({ kind: 'PING' })).toEqual({ status: 200 });
      expect(answer({ kind: 'Build' })).toBeUndefined();
      expect(answer({})).toBeUndefined();
    });

    it('has no ping without a descriptor ping', () => {
      expect(formProvider.handshakeAfterVerify).toBeUndefined();
    });
  });

  it('normalizes from the descriptor, 400 without the type field', () => {
    expect(formProvider.normalize(request('POST', {}), { type: 'cleaned' })).toEqual({
      type: 'cleaned',
    });
    expect(() => formProvider.normalize(request('POST', {}), {})).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });
});
