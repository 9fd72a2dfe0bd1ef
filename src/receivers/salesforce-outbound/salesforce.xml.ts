import { MalformedBodyError } from '../../errors/webhook-errors';
import { readXmlBytes, safeXmlReader, type XmlReading } from '../shared/safe-xml';

export { decodeXmlText } from '../shared/safe-xml';

/**
 * The one XML reader of the Salesforce receiver (shared/safe-xml.ts says why it is safe).
 * Namespace prefixes are dropped (`soapenv:Body` → `Body`), so the structure is read by local
 * names; attributes are kept (`xsi:type` names the sObject).
 */
const readSoap = safeXmlReader({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => name === 'Notification',
});

/** Parsed documents by body, so verify and parse read the same bytes once. */
const parsed = new WeakMap<Buffer, XmlReading>();

/** Parse a SOAP body; throws MalformedBodyError saying why it is not acceptable XML. */
export function parseSoapXml(raw: Buffer): unknown {
  const result = readSoapXml(raw);
  if ('problem' in result) throw new MalformedBodyError(result.problem);
  return result.doc;
}

/** The parsed document, or why the body is not acceptable XML. Never throws. */
export function readSoapXml(raw: Buffer): XmlReading {
  const cached = parsed.get(raw);
  if (cached) return cached;
  const result = readXmlBytes(raw, readSoap);
  if ('doc' in result) parsed.set(raw, result);
  return result;
}
