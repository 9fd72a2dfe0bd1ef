/**
 * Samples for the receivers without a fixtures folder: GitHub (its receiver's tests use
 * @octokit/webhooks-examples, a development dependency), Braintree (its tests use the SDK's
 * sample notifications) and the generic providers, whose body is whatever the sender posts.
 */
const GENERIC_EVENT = {
  id: 'evt_0001',
  type: 'order.created',
  created_at: '2026-11-27T12:00:00Z',
  data: { order_id: 'ord_42', amount: 1999, currency: 'EUR' },
};

const GITHUB_ISSUE_OPENED = {
  action: 'opened',
  issue: {
    id: 444500041,
    number: 1,
    title: 'Spelling error in the README file',
    state: 'open',
    user: { login: 'Codertocat', id: 21031067, type: 'User' },
    labels: [{ id: 1362934389, name: 'bug', color: 'd73a4a', default: true }],
    body: 'It looks like you accidentally spelled "commit" with two "t"s.',
    created_at: '2019-05-15T15:20:18Z',
    updated_at: '2019-05-15T15:20:18Z',
  },
  repository: {
    id: 186853002,
    name: 'Hello-World',
    full_name: 'Codertocat/Hello-World',
    private: false,
    owner: { login: 'Codertocat', id: 21031067, type: 'User' },
    default_branch: 'master',
  },
  sender: { login: 'Codertocat', id: 21031067, type: 'User' },
};

/** A Braintree notification as the XML that bt_payload carries (the kit base64s and signs it). */
const BRAINTREE_SUBSCRIPTION_PAST_DUE = `<?xml version="1.0" encoding="UTF-8"?>
<notification>
  <timestamp type="datetime">2026-11-27T12:00:00Z</timestamp>
  <kind>subscription_went_past_due</kind>
  <subject>
    <subscription>
      <id>sub_kit_sample</id>
      <status>Past Due</status>
      <transactions type="array"></transactions>
      <add-ons type="array"></add-ons>
      <discounts type="array"></discounts>
    </subscription>
  </subject>
</notification>
`;

export const SAMPLES_IN_CODE: Readonly<Record<string, unknown>> = {
  github: GITHUB_ISSUE_OPENED,
  hmac: GENERIC_EVENT,
  token: GENERIC_EVENT,
  basic: GENERIC_EVENT,
  braintree: BRAINTREE_SUBSCRIPTION_PAST_DUE,
};
