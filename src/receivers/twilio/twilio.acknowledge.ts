import { xmlAcknowledgement } from '../shared/xml-acknowledgement';

/** The empty TwiML document, byte for byte what twilio-node's `new MessagingResponse()` prints. */
export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

/**
 * Twilio reads the answer as TwiML, so the ack is an empty <Response/> (do nothing) and the
 * gateway's `{ id, duplicate }` travels in headers.
 */
export const acknowledgeTwilio = xmlAcknowledgement(EMPTY_TWIML);
