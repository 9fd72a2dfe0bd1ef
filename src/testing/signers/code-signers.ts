import {
  adyenSigner,
  mailgunSigner,
  microsoftGraphSigner,
  salesforceOutboundSigner,
} from './body-signed';
import { braintreeSigner } from './braintree';
import { awsSnsSigner, paypalSigner, travisCiSigner } from './certificate-signed';
import { azureEventGrid, basicAuth, genericToken, headerToken, queryCode } from './credentials';
import { dropboxSignSigner } from './dropbox-sign';
import { genericHmacSigner } from './generic-hmac';
import { githubSigner, gitlabSigner } from './git-hosts';
import { mandrillSigner, pusherSigner, twilioSigner } from './form-signed';
import { messagebirdSigner, vonageSigner } from './jwt-signed';
import { discordSigner, sendgridSigner, telnyxSigner } from './public-key';
import { contentfulSigner, plivoSigner } from './request-signed';
import type { Signer } from './signer';
import { slackSigner, standardWebhooksSigner, stripeSigner } from './timestamped';

const FORM = 'application/x-www-form-urlencoded';

/** The signers of the providers implemented in code, by provider name. */
export const CODE_SIGNERS: Readonly<Record<string, Signer>> = {
  github: githubSigner,
  gitlab: gitlabSigner,
  stripe: stripeSigner,
  slack: slackSigner,
  'standard-webhooks': standardWebhooksSigner,
  hmac: genericHmacSigner,
  token: genericToken,
  basic: basicAuth('sender'),
  telegram: headerToken('X-Telegram-Bot-Api-Secret-Token', 'Telegram secret_token'),
  okta: headerToken('Authorization', 'Okta event hook Authorization'),
  bigcommerce: headerToken('X-Webhook-Token', 'BigCommerce custom header'),
  chargebee: basicAuth('Chargebee'),
  postmark: basicAuth('Postmark'),
  'azure-devops': basicAuth('Azure DevOps service hook'),
  mailchimp: queryCode('Mailchimp', FORM),
  wordpress: queryCode('WordPress', FORM),
  'azure-monitor': queryCode('Azure Monitor'),
  kudu: queryCode('Kudu'),
  myget: queryCode('MyGet', 'application/vnd.myget.webhooks.v1+json'),
  'dynamics-crm': queryCode('Dynamics CRM'),
  discord: discordSigner,
  telnyx: telnyxSigner,
  sendgrid: sendgridSigner,
  twilio: twilioSigner,
  mandrill: mandrillSigner,
  pusher: pusherSigner,
  'aws-sns': awsSnsSigner,
  paypal: paypalSigner,
  'travis-ci': travisCiSigner,
  adyen: adyenSigner,
  'azure-event-grid': azureEventGrid,
  braintree: braintreeSigner,
  contentful: contentfulSigner,
  'dropbox-sign': dropboxSignSigner,
  mailgun: mailgunSigner,
  messagebird: messagebirdSigner,
  'microsoft-graph': microsoftGraphSigner,
  plivo: plivoSigner,
  'salesforce-outbound': salesforceOutboundSigner,
  vonage: vonageSigner,
};
