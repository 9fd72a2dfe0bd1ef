/** `hookgate/testing`: sign deliveries as each provider does, and boot Hookgate in a test. */
export { signWebhook, type SignWebhookInput, type SignedWebhook } from './sign-webhook';
export { samplePayload } from './samples';
export { SignWebhookError } from './signers/signer';
export { signableProviders, secretMeaning } from './signable';
export {
  createHookgateTestingApp,
  type HookgateTestingApp,
  type HookgateTestingAppOptions,
  type TestingEndpoint,
  type TestingSendInput,
  type SentDelivery,
} from './testing-app';
