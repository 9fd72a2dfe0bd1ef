import { githubReceiver } from './github/github.receiver';
import { standardWebhooksReceiver } from './standard-webhooks/standard-webhooks.receiver';
import { stripeReceiver } from './stripe/stripe.receiver';
import { gitlabReceiver } from './gitlab/gitlab.receiver';
import { bitbucketReceiver } from './bitbucket/bitbucket.receiver';
import { slackReceiver } from './slack/slack.receiver';
import { twilioReceiver } from './twilio/twilio.receiver';
import { shopifyReceiver } from './shopify/shopify.receiver';
import { dropboxReceiver } from './dropbox/dropbox.receiver';
import { trelloReceiver } from './trello/trello.receiver';
import { paypalReceiver } from './paypal/paypal.receiver';
import { genericHmacReceiver } from './hmac/hmac.receiver';
import { tokenReceiver } from './token/token.receiver';
import { basicReceiver } from './basic/basic.receiver';
import { instagramReceiver } from './instagram/instagram.receiver';
import { whatsappReceiver } from './whatsapp/whatsapp.receiver';
import { facebookMessengerReceiver } from './facebook-messenger/facebook-messenger.receiver';
import { pusherReceiver } from './pusher/pusher.receiver';
import { zendeskReceiver } from './zendesk/zendesk.receiver';
import { mandrillReceiver } from './mandrill/mandrill.receiver';
import { salesforceOutboundReceiver } from './salesforce-outbound/salesforce-outbound.receiver';
import { mailchimpReceiver } from './mailchimp/mailchimp.receiver';
import { wordpressReceiver } from './wordpress/wordpress.receiver';
import { azureMonitorReceiver } from './azure-monitor/azure-monitor.receiver';
import { kuduReceiver } from './kudu/kudu.receiver';
import { mygetReceiver } from './myget/myget.receiver';
import { dynamicsCrmReceiver } from './dynamics-crm/dynamics-crm.receiver';
import { azureDevOpsReceiver } from './azure-devops/azure-devops.receiver';
import { sentryReceiver } from './sentry/sentry.receiver';
import { gogsReceiver } from './gogs/gogs.receiver';
import { giteaReceiver } from './gitea/gitea.receiver';
import { jiraReceiver } from './jira/jira.receiver';
import { intercomReceiver } from './intercom/intercom.receiver';
import { vercelReceiver } from './vercel/vercel.receiver';
import { razorpayReceiver } from './razorpay/razorpay.receiver';
import { coinbaseCommerceReceiver } from './coinbase-commerce/coinbase-commerce.receiver';
import { gocardlessReceiver } from './gocardless/gocardless.receiver';
import { onfidoReceiver } from './onfido/onfido.receiver';
import { circleciReceiver } from './circleci/circleci.receiver';
import { pagerdutyReceiver } from './pagerduty/pagerduty.receiver';
import { asanaReceiver } from './asana/asana.receiver';
import { paddleReceiver } from './paddle/paddle.receiver';
import { muxReceiver } from './mux/mux.receiver';
import { workosReceiver } from './workos/workos.receiver';
import { calendlyReceiver } from './calendly/calendly.receiver';
import { sanityReceiver } from './sanity/sanity.receiver';
import { boxReceiver } from './box/box.receiver';
import { webflowReceiver } from './webflow/webflow.receiver';
import { buildkiteReceiver } from './buildkite/buildkite.receiver';
import { resendReceiver } from './resend/resend.receiver';
import { clerkReceiver } from './clerk/clerk.receiver';
import { polarReceiver } from './polar/polar.receiver';
import { squareReceiver } from './square/square.receiver';
import { helpscoutReceiver } from './helpscout/helpscout.receiver';
import { typeformReceiver } from './typeform/typeform.receiver';
import { lineReceiver } from './line/line.receiver';
import { segmentReceiver } from './segment/segment.receiver';
import { teamsOutgoingReceiver } from './teams-outgoing/teams-outgoing.receiver';
import { linearReceiver } from './linear/linear.receiver';
import { woocommerceReceiver } from './woocommerce/woocommerce.receiver';
import { docusignReceiver } from './docusign/docusign.receiver';
import { notionReceiver } from './notion/notion.receiver';
import { telegramReceiver } from './telegram/telegram.receiver';
import { chargebeeReceiver } from './chargebee/chargebee.receiver';
import { postmarkReceiver } from './postmark/postmark.receiver';
import { bigcommerceReceiver } from './bigcommerce/bigcommerce.receiver';
import { oktaReceiver } from './okta/okta.receiver';
import { zoomReceiver } from './zoom/zoom.receiver';
import { twitchReceiver } from './twitch/twitch.receiver';
import { hubspotReceiver } from './hubspot/hubspot.receiver';
import { microsoftGraphReceiver } from './microsoft-graph/microsoft-graph.receiver';
import { azureEventGridReceiver } from './azure-event-grid/azure-event-grid.receiver';
import { discordReceiver } from './discord/discord.receiver';
import { telnyxReceiver } from './telnyx/telnyx.receiver';
import { sendgridReceiver } from './sendgrid/sendgrid.receiver';
import { mailgunReceiver } from './mailgun/mailgun.receiver';
import { contentfulReceiver } from './contentful/contentful.receiver';
import { messagebirdReceiver } from './messagebird/messagebird.receiver';
import { vonageReceiver } from './vonage/vonage.receiver';
import { adyenReceiver } from './adyen/adyen.receiver';
import { braintreeReceiver } from './braintree/braintree.receiver';
import { dropboxSignReceiver } from './dropbox-sign/dropbox-sign.receiver';
import { awsSnsReceiver } from './aws-sns/aws-sns.receiver';
import { travisCiReceiver } from './travis-ci/travis-ci.receiver';
import type { Receiver } from './receiver';
import { plivoReceiver } from './plivo/plivo.receiver';

/**
 * The registry: one line per provider. A spec fails when a folder under `receivers/` is not
 * listed here, so a new receiver cannot be forgotten.
 */
export const RECEIVERS: readonly Receiver<any>[] = [
  githubReceiver,
  standardWebhooksReceiver,
  stripeReceiver,
  gitlabReceiver,
  bitbucketReceiver,
  slackReceiver,
  twilioReceiver,
  shopifyReceiver,
  dropboxReceiver,
  trelloReceiver,
  paypalReceiver,
  genericHmacReceiver,
  tokenReceiver,
  basicReceiver,
  instagramReceiver,
  whatsappReceiver,
  facebookMessengerReceiver,
  pusherReceiver,
  zendeskReceiver,
  mandrillReceiver,
  salesforceOutboundReceiver,
  mailchimpReceiver,
  wordpressReceiver,
  azureMonitorReceiver,
  kuduReceiver,
  mygetReceiver,
  dynamicsCrmReceiver,
  azureDevOpsReceiver,
  sentryReceiver,
  gogsReceiver,
  giteaReceiver,
  jiraReceiver,
  intercomReceiver,
  vercelReceiver,
  razorpayReceiver,
  coinbaseCommerceReceiver,
  gocardlessReceiver,
  onfidoReceiver,
  circleciReceiver,
  pagerdutyReceiver,
  asanaReceiver,
  paddleReceiver,
  muxReceiver,
  workosReceiver,
  calendlyReceiver,
  sanityReceiver,
  boxReceiver,
  webflowReceiver,
  buildkiteReceiver,
  resendReceiver,
  clerkReceiver,
  polarReceiver,
  squareReceiver,
  helpscoutReceiver,
  typeformReceiver,
  lineReceiver,
  segmentReceiver,
  teamsOutgoingReceiver,
  linearReceiver,
  woocommerceReceiver,
  docusignReceiver,
  notionReceiver,
  telegramReceiver,
  chargebeeReceiver,
  postmarkReceiver,
  bigcommerceReceiver,
  oktaReceiver,
  zoomReceiver,
  twitchReceiver,
  hubspotReceiver,
  microsoftGraphReceiver,
  azureEventGridReceiver,
  discordReceiver,
  telnyxReceiver,
  sendgridReceiver,
  mailgunReceiver,
  contentfulReceiver,
  messagebirdReceiver,
  vonageReceiver,
  adyenReceiver,
  braintreeReceiver,
  dropboxSignReceiver,
  awsSnsReceiver,
  travisCiReceiver,
  plivoReceiver,
];

/** Look a receiver up by its name or one of its aliases. */
export function findReceiver(
  name: string,
  receivers: readonly Receiver<any>[] = RECEIVERS,
): Receiver<any> | undefined {
  return receivers.find((r) => r.name === name || r.aliases?.includes(name));
}
