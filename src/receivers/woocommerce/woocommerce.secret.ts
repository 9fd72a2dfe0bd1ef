/**
 * The HMAC key WooCommerce derives from a webhook's secret: `wp_specialchars_decode($secret,
 * ENT_QUOTES)` (woocommerce `includes/class-wc-webhook.php` generate_signature). That WordPress
 * function decodes, in one pass, only `&amp;` `&lt;` `&gt;` `&quot;` and the numeric forms of
 * `"` `&` `'` `<` `>` (decimal with leading zeros, hex `&#x…;`); everything else is left as is.
 */
const ENTITY = /&(amp|lt|gt|quot);|&#0*(34|38|39|60|62);|&#[xX]0*(22|26|27);/g;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };
const CODES: Record<string, string> = { '34': '"', '38': '&', '39': "'", '60': '<', '62': '>' };
const HEX: Record<string, string> = { '22': '"', '26': '&', '27': "'" };

export function woocommerceKey(secret: string): string {
  return secret.replace(ENTITY, (_match, named?: string, code?: string, hex?: string) =>
    named ? NAMED[named] : code ? CODES[code] : HEX[hex!],
  );
}
