/**
 * signWebhook given a `payload` value for a provider that posts forms: the value is sent as a
 * form, as the provider sends it, and signed over those fields. Twilio's signature is checked
 * with twilio-node, the SDK users verify with.
 */
import twilio from 'twilio';
import { signWebhook } from '../../src/testing';

const TOKEN = 'twilio-kit-form-token';
const URL = 'https://hooks.example.com/webhooks/twilio/sms';
const PARAMS = {
  MessageSid: 'SM1f0e8ae6ade43cb3c0ce4525424e404f',
  From: '+14155552671',
  To: '+15005550006',
  Body: 'Ahoy! Café at 5+1?',
};

describe('signWebhook for Twilio with a payload value', () => {
  const signed = signWebhook('twilio', { secret: TOKEN, url: URL, payload: PARAMS });

  it('sends the value as a form under the form media type', () => {
    expect(signed.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(signed.body.toString('utf8')))).toEqual(PARAMS);
    expect(signed.body.toString('utf8')).toContain('Body=Ahoy%21+Caf%C3%A9+at+5%2B1%3F');
  });

  it('is signed over those form fields, as twilio-node verifies it', () => {
    const signature = signed.headers['x-twilio-signature'];
    expect(twilio.validateRequest(TOKEN, signature, URL, PARAMS)).toBe(true);
  });
});
