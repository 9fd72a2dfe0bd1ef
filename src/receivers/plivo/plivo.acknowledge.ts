import { xmlAcknowledgement } from '../shared/xml-acknowledgement';

/** The empty Plivo XML document, byte for byte what plivo-node's `new Response().toXML()` prints. */
export const EMPTY_PLIVO_XML = '<Response/>';

/**
 * Answer and message URLs read the reply as Plivo XML, so the ack is an empty <Response/> (do
 * nothing: no reply SMS, no call instructions) and the gateway's `{ id, duplicate }` travels in
 * headers. https://www.plivo.com/docs/voice/xml/request/
 */
export const acknowledgePlivo = xmlAcknowledgement(EMPTY_PLIVO_XML);
