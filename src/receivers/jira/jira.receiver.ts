import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';
import { normalizeJiraEvent } from './jira.events';

/**
 * Jira admin webhooks with a secret, and Confluence webhooks: `X-Hub-Signature: sha256=<hex
 * HMAC-SHA256 of the body>` (the WebSub format; confluence.atlassian.com "Managing webhooks" for
 * Jira and Confluence Data Center, developer.atlassian.com/cloud/jira/platform/webhooks
 * "Secure admin webhooks" for Cloud). Webhooks of Connect and OAuth apps are signed otherwise
 * (a JWT) and are refused here.
 */
export const jiraDescriptor: HmacDescriptor = {
  name: 'jira',
  title: 'Jira',
  aliases: ['confluence'],
  algorithm: 'sha256',
  signature: { headers: ['X-Hub-Signature'], encoding: 'hex', prefix: 'sha256=' },
  messages: { missing: 'X-Hub-Signature is missing: set a secret on the Atlassian webhook.' },
  normalize: normalizeJiraEvent,
};

export type JiraOptions = HmacOptions;
export const jiraReceiver = hmacReceiver(jiraDescriptor);
