import { XMLParser, XMLValidator, type X2jOptions } from 'fast-xml-parser';
import { decodeUtf8 } from './body';

/** A parsed document, or why the bytes are not acceptable XML. */
export type XmlReading = { readonly doc: unknown } | { readonly problem: string };

/**
 * An XML reader set up so that a hostile body cannot hurt (Salesforce's SOAP, Braintree's
 * notifications):
 * - a DOCTYPE (and with it every entity definition, external or recursive: XXE, billion
 *   laughs) is refused before the parser sees the text; neither provider sends one;
 * - fast-xml-parser's own entity handling is off, and only XML's five predefined entities and
 *   character references are decoded, by `decodeXmlText`;
 * - values stay strings (no number guessing: ids such as `0123456789ABCDE` must not change);
 * - nesting past 100 levels and `__proto__`-like names are refused by the parser.
 * The text is validated first, because the parser alone accepts unbalanced tags. `options`
 * adds the caller's own structure choices (namespace prefixes, arrays, attributes).
 */
export function safeXmlReader(options: Partial<X2jOptions>): (text: string) => XmlReading {
  const parser = new XMLParser({
    ignoreDeclaration: true,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    tagValueProcessor: (_name, value) => decodeXmlText(value),
    attributeValueProcessor: (_name, value) => decodeXmlText(value),
    ...options,
  });
  return (text) => {
    if (/<!(DOCTYPE|ENTITY)/i.test(text))
      return { problem: 'a DOCTYPE or ENTITY declaration is refused' };
    const valid = XMLValidator.validate(text);
    if (valid !== true) return { problem: `not well-formed XML (${valid.err.msg})` };
    try {
      return { doc: parser.parse(text) as unknown };
    } catch (error) {
      return { problem: `not acceptable XML (${(error as Error).message})` };
    }
  };
}

/** Read UTF-8 bytes as XML with `read`; invalid UTF-8 is a problem too. */
export function readXmlBytes(raw: Buffer, read: (text: string) => XmlReading): XmlReading {
  let text: string;
  try {
    text = decodeUtf8(raw);
  } catch {
    return { problem: 'not valid UTF-8' };
  }
  return read(text);
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
