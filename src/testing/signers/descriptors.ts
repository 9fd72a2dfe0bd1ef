import { asanaDescriptor } from '../../receivers/asana/asana.receiver';
import { bitbucketDescriptor } from '../../receivers/bitbucket/bitbucket.receiver';
import { boxDescriptor } from '../../receivers/box/box.receiver';
import { buildkiteDescriptor } from '../../receivers/buildkite/buildkite.receiver';
import { calendlyDescriptor } from '../../receivers/calendly/calendly.receiver';
import { circleciDescriptor } from '../../receivers/circleci/circleci.receiver';
import { clerkDescriptor } from '../../receivers/clerk/clerk.receiver';
import { coinbaseCommerceDescriptor } from '../../receivers/coinbase-commerce/coinbase-commerce.receiver';
import { docusignDescriptor } from '../../receivers/docusign/docusign.receiver';
import { dropboxDescriptor } from '../../receivers/dropbox/dropbox.receiver';
import { facebookMessengerDescriptor } from '../../receivers/facebook-messenger/facebook-messenger.receiver';
import { giteaDescriptor } from '../../receivers/gitea/gitea.receiver';
import { gocardlessDescriptor } from '../../receivers/gocardless/gocardless.receiver';
import { gogsDescriptor } from '../../receivers/gogs/gogs.receiver';
import { helpscoutDescriptor } from '../../receivers/helpscout/helpscout.receiver';
import { hubspotV3Descriptor } from '../../receivers/hubspot/hubspot.receiver';
import { instagramDescriptor } from '../../receivers/instagram/instagram.receiver';
import { intercomDescriptor } from '../../receivers/intercom/intercom.receiver';
import { jiraDescriptor } from '../../receivers/jira/jira.receiver';
import { lineDescriptor } from '../../receivers/line/line.receiver';
import { linearDescriptor } from '../../receivers/linear/linear.receiver';
import { muxDescriptor } from '../../receivers/mux/mux.receiver';
import { notionDescriptor } from '../../receivers/notion/notion.receiver';
import { onfidoDescriptor } from '../../receivers/onfido/onfido.receiver';
import { paddleDescriptor } from '../../receivers/paddle/paddle.receiver';
import { pagerdutyDescriptor } from '../../receivers/pagerduty/pagerduty.receiver';
import { polarDescriptor } from '../../receivers/polar/polar.receiver';
import { razorpayDescriptor } from '../../receivers/razorpay/razorpay.receiver';
import { resendDescriptor } from '../../receivers/resend/resend.receiver';
import { sanityDescriptor } from '../../receivers/sanity/sanity.receiver';
import { segmentDescriptor } from '../../receivers/segment/segment.receiver';
import { sentryDescriptor } from '../../receivers/sentry/sentry.receiver';
import { shopifyDescriptor } from '../../receivers/shopify/shopify.receiver';
import { squareDescriptor } from '../../receivers/square/square.receiver';
import { teamsOutgoingDescriptor } from '../../receivers/teams-outgoing/teams-outgoing.receiver';
import { trelloDescriptor } from '../../receivers/trello/trello.receiver';
import { twitchDescriptor } from '../../receivers/twitch/twitch.receiver';
import { typeformDescriptor } from '../../receivers/typeform/typeform.receiver';
import { vercelDescriptor } from '../../receivers/vercel/vercel.receiver';
import { webflowDescriptor } from '../../receivers/webflow/webflow.receiver';
import { whatsappDescriptor } from '../../receivers/whatsapp/whatsapp.receiver';
import { woocommerceDescriptor } from '../../receivers/woocommerce/woocommerce.receiver';
import { workosDescriptor } from '../../receivers/workos/workos.receiver';
import { zendeskDescriptor } from '../../receivers/zendesk/zendesk.receiver';
import { zoomDescriptor } from '../../receivers/zoom/zoom.receiver';
import type { HmacDescriptor } from '../../receivers/shared/hmac/descriptor';

/** Every provider described as an HMAC descriptor: each gets a signer read off its data. */
export const HMAC_DESCRIPTORS: readonly HmacDescriptor<any>[] = [
  asanaDescriptor,
  bitbucketDescriptor,
  boxDescriptor,
  buildkiteDescriptor,
  calendlyDescriptor,
  circleciDescriptor,
  clerkDescriptor,
  coinbaseCommerceDescriptor,
  docusignDescriptor,
  dropboxDescriptor,
  facebookMessengerDescriptor,
  giteaDescriptor,
  gocardlessDescriptor,
  gogsDescriptor,
  helpscoutDescriptor,
  hubspotV3Descriptor,
  instagramDescriptor,
  intercomDescriptor,
  jiraDescriptor,
  lineDescriptor,
  linearDescriptor,
  muxDescriptor,
  notionDescriptor,
  onfidoDescriptor,
  paddleDescriptor,
  pagerdutyDescriptor,
  polarDescriptor,
  razorpayDescriptor,
  resendDescriptor,
  sanityDescriptor,
  segmentDescriptor,
  sentryDescriptor,
  shopifyDescriptor,
  squareDescriptor,
  teamsOutgoingDescriptor,
  trelloDescriptor,
  twitchDescriptor,
  typeformDescriptor,
  vercelDescriptor,
  webflowDescriptor,
  whatsappDescriptor,
  woocommerceDescriptor,
  workosDescriptor,
  zendeskDescriptor,
  zoomDescriptor,
];
