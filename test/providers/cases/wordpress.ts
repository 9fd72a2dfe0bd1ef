import { notApplicable } from '../provider-case';
import { codeCase, codeFixture } from './code-case';

const PUBLISH_POST = codeFixture('wordpress', 'publish-post.txt');

export const wordpressCase = codeCase({
  name: 'WordPress',
  provider: 'wordpress',
  endpoint: 'blog',
  contentType: 'application/x-www-form-urlencoded',
  documentedBody: PUBLISH_POST,
  bodyWithKey: () => PUBLISH_POST,
  documented: {
    type: 'publish_post',
    providerDeliveryId: null,
    payload: Object.fromEntries(new URLSearchParams(PUBLISH_POST.toString())),
    payloadIncludes: { hook: 'publish_post', post_title: 'Café opening on Friday' },
  },
  dedupe: notApplicable('WordPress.com sends no delivery id; a repeat is stored again'),
  otherRefusedContentTypes: ['application/json'],
  malformed: [
    { label: 'has no hook', body: Buffer.from('ID=1342&post_title=Hello'), message: /"hook"/ },
  ],
});
