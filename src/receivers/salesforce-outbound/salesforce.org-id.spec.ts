import { shortOrgId, verifyOrganizationId } from './salesforce.org-id';

describe('shortOrgId', () => {
  // The cases of ASP.NET's SalesforceSoapWebHookReceiverTests.GetShortOrgId_HandlesIds.
  it.each([
    ['', ''],
    ['123456789012345', '123456789012345'],
    ['123456789012345678', '123456789012345'],
    ['你好世界你好世界你好世界你好世', '你好世界你好世界你好世界你好世'],
    ['你好世界你好世界你好世界你好世界你好', '你好世界你好世界你好世界你好世'],
  ])('%s → %s', (id, expected) => {
    expect(shortOrgId(id)).toBe(expected);
  });
});

describe('verifyOrganizationId', () => {
  const ID15 = '00D5e000000KQ2e';
  const ID18 = '00D5e000000KQ2eEAG';

  it.each([
    ['15 sent, 15 configured', ID15, [ID15], 0],
    ['18 sent, 15 configured', ID18, [ID15], 0],
    ['15 sent, 18 configured', ID15, [ID18], 0],
    ['18 sent, 18 configured with another checksum case', ID18, ['00D5e000000KQ2eeag'], 0],
    ['the second of two orgs (sandbox and production)', ID18, ['00D000000000001', ID15], 1],
  ])('accepts %s', (_case, sent, configured, index) => {
    expect(verifyOrganizationId(sent, configured)).toEqual({ ok: true, secretIndex: index });
  });

  it.each([
    ['another org', '00D5e000000KQ2f', [ID15]],
    [
      'the same id in another case (15-character ids are case-sensitive)',
      ID15.toUpperCase(),
      [ID15],
    ],
    ['a 16-character id', `${ID15}E`, [ID15]],
    ['an empty configured id', ID15, ['']],
  ])('refuses %s, naming neither id', (_case, sent, configured) => {
    const result = verifyOrganizationId(sent, configured);
    expect(result).toEqual({
      ok: false,
      reason: 'signature',
      message:
        "The message's OrganizationId is not one of the organization ids configured for this endpoint.",
    });
  });

  it('refuses a message without OrganizationId', () => {
    expect(verifyOrganizationId(undefined, [ID15])).toMatchObject({
      ok: false,
      message: 'The outbound message has no OrganizationId.',
    });
  });
});
