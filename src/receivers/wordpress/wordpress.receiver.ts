import { codeReceiver } from '../shared/code/code-receiver';

/**
 * WordPress.com webhooks (wp-admin Settings → Webhooks) sign nothing: the URL carries
 * ASP.NET's `?code=`. The body is an HTML form of the fields chosen for the action plus `hook`,
 * the action's name (`publish_post`, `publish_page`, `comment_post`; wordpress.com/support/
 * webhooks/, and AspNetWebHooks WordPressWebHookReceiver.cs reads `hook` the same way).
 * There is no delivery id, and which fields are sent is up to the site's admin, so nothing is
 * hashed into one: every delivery is stored.
 */
export const wordpressReceiver = codeReceiver({
  name: 'wordpress',
  title: 'WordPress',
  contentTypes: ['application/x-www-form-urlencoded'],
  body: 'form',
  type: { path: 'hook' },
});
