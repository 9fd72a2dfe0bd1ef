import { adyenCase } from './cases/adyen';
import { braintreeCase } from './cases/braintree';
import { dropboxSignCase } from './cases/dropbox-sign';
import { azureDevOpsCase } from './cases/azure-devops';
import { azureMonitorCase } from './cases/azure-monitor';
import { bitbucketCase } from './cases/bitbucket';
import { dropboxCase } from './cases/dropbox';
import { facebookMessengerCase } from './cases/facebook-messenger';
import { githubCase } from './cases/github';
import { gitlabSigningCase, gitlabTokenCase } from './cases/gitlab';
import { instagramCase } from './cases/instagram';
import { mandrillCase } from './cases/mandrill';
import { dynamicsCrmCase } from './cases/dynamics-crm';
import { kuduCase } from './cases/kudu';
import { mailchimpCase } from './cases/mailchimp';
import { mygetCase } from './cases/myget';
import { paypalCase } from './cases/paypal';
import { pusherCase } from './cases/pusher';
import { salesforceOutboundCase } from './cases/salesforce-outbound';
import { shopifyCase } from './cases/shopify';
import { slackCase } from './cases/slack';
import { standardWebhooksCase } from './cases/standard-webhooks';
import { stripeCase } from './cases/stripe';
import { trelloCase } from './cases/trello';
import { twilioCase } from './cases/twilio';
import { whatsappCase } from './cases/whatsapp';
import { zendeskCase } from './cases/zendesk';
import { wordpressCase } from './cases/wordpress';
import { sentryCase } from './cases/sentry';
import { gogsCase } from './cases/gogs';
import { giteaCase } from './cases/gitea';
import { jiraCase } from './cases/jira';
import { intercomCase } from './cases/intercom';
import { vercelCase } from './cases/vercel';
import { razorpayCase } from './cases/razorpay';
import { coinbaseCommerceCase } from './cases/coinbase-commerce';
import { gocardlessCase } from './cases/gocardless';
import { onfidoCase } from './cases/onfido';
import { circleciCase } from './cases/circleci';
import { pagerdutyCase } from './cases/pagerduty';
import { asanaCase } from './cases/asana';
import { paddleCase } from './cases/paddle';
import { muxCase } from './cases/mux';
import { workosCase } from './cases/workos';
import { calendlyCase } from './cases/calendly';
import { sanityCase } from './cases/sanity';
import { boxCase } from './cases/box';
import { webflowCase } from './cases/webflow';
import { buildkiteSignatureCase, buildkiteTokenCase } from './cases/buildkite';
import { resendCase } from './cases/resend';
import { clerkCase } from './cases/clerk';
import { polarCase } from './cases/polar';
import { squareCase } from './cases/square';
import { helpscoutCase } from './cases/helpscout';
import { typeformCase } from './cases/typeform';
import { lineCase } from './cases/line';
import { segmentCase } from './cases/segment';
import { teamsOutgoingCase } from './cases/teams-outgoing';
import { linearCase } from './cases/linear';
import { woocommerceCase } from './cases/woocommerce';
import { docusignCase } from './cases/docusign';
import { notionCase } from './cases/notion';
import { telegramCase } from './cases/telegram';
import { chargebeeCase } from './cases/chargebee';
import { postmarkCase } from './cases/postmark';
import { bigcommerceCase } from './cases/bigcommerce';
import { oktaCase } from './cases/okta';
import { zoomCase } from './cases/zoom';
import { twitchCase } from './cases/twitch';
import { hubspotCase } from './cases/hubspot';
import { microsoftGraphCase } from './cases/microsoft-graph';
import { azureEventGridCase } from './cases/azure-event-grid';
import { discordCase } from './cases/discord';
import { telnyxCase } from './cases/telnyx';
import { sendgridCase } from './cases/sendgrid';
import { mailgunCase } from './cases/mailgun';
import { contentfulCase } from './cases/contentful';
import { messagebirdCase } from './cases/messagebird';
import { vonageCase } from './cases/vonage';
import type { ProviderCase } from './provider-case';
import { awsSnsCase } from './cases/aws-sns';
import { travisCiCase } from './cases/travis-ci';
import { plivoCase } from './cases/plivo';

/**
 * The rows of the receiver contract: one per receiver, and GitLab twice, once per way it
 * authenticates (secret token, signing token). A new receiver gets a row here.
 */
export const PROVIDER_CASES: readonly ProviderCase[] = [
  githubCase,
  stripeCase,
  slackCase,
  shopifyCase,
  gitlabTokenCase,
  gitlabSigningCase,
  bitbucketCase,
  standardWebhooksCase,
  twilioCase,
  paypalCase,
  trelloCase,
  dropboxCase,
  instagramCase,
  whatsappCase,
  facebookMessengerCase,
  pusherCase,
  zendeskCase,
  mandrillCase,
  salesforceOutboundCase,
  mailchimpCase,
  wordpressCase,
  azureMonitorCase,
  kuduCase,
  mygetCase,
  dynamicsCrmCase,
  azureDevOpsCase,
  sentryCase,
  gogsCase,
  giteaCase,
  jiraCase,
  intercomCase,
  vercelCase,
  razorpayCase,
  coinbaseCommerceCase,
  gocardlessCase,
  onfidoCase,
  circleciCase,
  pagerdutyCase,
  asanaCase,
  paddleCase,
  muxCase,
  workosCase,
  calendlyCase,
  sanityCase,
  boxCase,
  webflowCase,
  buildkiteSignatureCase,
  buildkiteTokenCase,
  resendCase,
  clerkCase,
  polarCase,
  squareCase,
  helpscoutCase,
  typeformCase,
  lineCase,
  segmentCase,
  teamsOutgoingCase,
  linearCase,
  woocommerceCase,
  docusignCase,
  notionCase,
  telegramCase,
  chargebeeCase,
  postmarkCase,
  bigcommerceCase,
  oktaCase,
  zoomCase,
  twitchCase,
  hubspotCase,
  microsoftGraphCase,
  azureEventGridCase,
  discordCase,
  telnyxCase,
  sendgridCase,
  mailgunCase,
  contentfulCase,
  messagebirdCase,
  vonageCase,
  adyenCase,
  braintreeCase,
  dropboxSignCase,
  awsSnsCase,
  travisCiCase,
  plivoCase,
];
