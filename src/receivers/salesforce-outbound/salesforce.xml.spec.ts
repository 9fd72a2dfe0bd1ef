import { decodeXmlText, parseSoapXml, readSoapXml } from './salesforce.xml';

const xml = (text: string) => Buffer.from(text, 'utf8');

describe('parseSoapXml', () => {
  it('reads by local names, keeps values as strings and attributes under @', () => {
    const doc = parseSoapXml(
      xml(
        '<?xml version="1.0" encoding="UTF-8"?><s:E xmlns:s="urn:x" xmlns:xsi="urn:i">' +
          '<s:Id>0123456789ABCDE</s:Id><s:N>007</s:N><s:T xsi:type="sf:Lead"/></s:E>',
      ),
    );
    expect(doc).toEqual({ E: { Id: '0123456789ABCDE', N: '007', T: { '@type': 'sf:Lead' } } });
  });

  it("decodes XML's predefined entities and character references, and only those", () => {
    expect(
      parseSoapXml(xml('<a>A &amp; B &lt;&gt;&quot;&apos; &#233;&#x26; &nbsp; &#0;</a>')),
    ).toEqual({
      a: 'A & B <>"\' é& &nbsp; &#0;',
    });
    expect(decodeXmlText('&#x110000; &#xD800; &amp;amp;')).toBe('&#x110000; &#xD800; &amp;');
  });

  it.each([
    [
      'a billion-laughs DOCTYPE',
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><lolz>&lol2;</lolz>',
      /DOCTYPE or ENTITY declaration is refused/,
    ],
    [
      'an external entity (XXE)',
      '<?xml version="1.0"?><!doctype a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
      /DOCTYPE or ENTITY declaration is refused/,
    ],
    ['unbalanced tags', '<a><b></a>', /not well-formed XML \(Expected closing tag 'b'/],
    ['text that is not XML', 'OrganizationId=00D', /not well-formed XML/],
    ['an empty body', '', /not well-formed XML/],
    ['two root elements', '<a></a><b></b>', /not well-formed XML/],
    [
      'nesting 200 levels deep',
      `${'<a>'.repeat(200)}x${'</a>'.repeat(200)}`,
      /not acceptable XML \(Maximum nested tags exceeded/,
    ],
    [
      'a __proto__ element',
      '<a><__proto__><x>1</x></__proto__></a>',
      /not acceptable XML \(\[SECURITY\]/,
    ],
  ])('refuses %s (400)', (_case, text, message) => {
    expect(() => parseSoapXml(xml(text))).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringMatching(message) }),
    );
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(readSoapXml(Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e]))).toEqual({
      problem: 'not valid UTF-8',
    });
  });

  it('refuses a 1 MB run of nested elements quickly, without a stack overflow', () => {
    const deep = xml(`${'<a>'.repeat(200_000)}${'</a>'.repeat(200_000)}`);
    const started = Date.now();
    expect(readSoapXml(deep)).toEqual({ problem: expect.stringMatching(/Maximum nested tags/) });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('parses the same body once (verify and parse share it)', () => {
    const body = xml('<a>1</a>');
    expect(parseSoapXml(body)).toBe(parseSoapXml(body));
  });
});
