import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MalformedBodyError } from '../../errors/webhook-errors';
import { decodeUtf8 } from '../shared/body';

/**
 * The one XML parser of the Salesforce receiver, set up so that a hostile body cannot hurt:
 * - a DOCTYPE (and with it every entity definition, external or recursive: XXE, billion
 *   laughs) is refused before the parser sees the text; Salesforce never sends one;
 * - fast-xml-parser's own entity handling is off, and only XML's five predefined entities and
 *   character references are decoded, by `decodeXmlText`;
 * - values stay strings (no number guessing: ids such as `0123456789ABCDE` must not change);
 * - namespace prefixes are dropped (`soapenv:Body` → `Body`), so the structure is read by
 *   local names; nesting past 100 levels and `__proto__`-like names are refused by the parser.
 * The text is validated first, because the parser alone accepts unbalanced tags.
 */
const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  ignoreDeclaration: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  tagValueProcessor: (_name, value) => decodeXmlText(value),
  attributeValueProcessor: (_name, value) => decodeXmlText(value),
  isArray: (name) => name === 'Notification',
});

/** Parsed documents by body, so verify and parse read the same bytes once. */
const parsed = new WeakMap<Buffer, { readonly doc: unknown }>();

/** Parse a SOAP body; throws MalformedBodyError saying why it is not acceptable XML. */
export function parseSoapXml(raw: Buffer): unknown {
  const result = readSoapXml(raw);
  if ('problem' in result) throw new MalformedBodyError(result.problem);
  return result.doc;
}

/** The parsed document, or why the body is not acceptable XML. Never throws. */
export function readSoapXml(raw: Buffer): { readonly doc: unknown } | { readonly problem: string } {
  const cached = parsed.get(raw);
  if (cached) return cached;
  let text: string;
  try {
    text = decodeUtf8(raw);
  } catch {
    return { problem: 'not valid UTF-8' };
  }
  if (/<!(DOCTYPE|ENTITY)/i.test(text))
    return { problem: 'a DOCTYPE or ENTITY declaration is refused' };
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { problem: `not well-formed XML (${valid.err.msg})` };
  try {
    const result = { doc: parser.parse(text) as unknown };
    parsed.set(raw, result);
    return result;
  } catch (error) {
    return { problem: `not acceptable XML (${(error as Error).message})` };
  }
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decode XML's predefined entities and character references; anything else stays as sent. */
export function decodeXmlText(value: string): string {
  return value.replace(
    /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g,
    (match, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (name) return PREDEFINED[name];
      const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
        ? String.fromCodePoint(code)
        : match;
    },
  );
}
