/**
 * A configured Pusher secret. Each entry of the endpoint's `secrets` is either the app secret
 * alone or `<app key>:<app secret>`; Pusher names the app in `X-Pusher-Key`, so with pairs one
 * endpoint can take several apps (or an app and its replacement) and only the named app's
 * secrets are tried. ASP.NET's receiver keeps the same key → secret table:
 * https://github.com/aspnet/AspNetWebHooks/blob/main/src/Microsoft.AspNet.WebHooks.Receivers.Pusher/WebHooks/PusherWebHookReceiver.cs
 * (app keys and secrets are hex, so `:` cannot be part of either).
 */
export interface PusherSecret {
  /** The app key the secret belongs to; undefined for a bare secret, tried for any key. */
  readonly appKey?: string;
  readonly secret: string;
}

export function parsePusherSecret(entry: string): PusherSecret {
  const colon = entry.indexOf(':');
  return colon <= 0
    ? { secret: entry }
    : { appKey: entry.slice(0, colon), secret: entry.slice(colon + 1) };
}

/** Whether the entry may have signed a request naming `appKey`. */
export function secretAppliesTo(entry: PusherSecret, appKey: string): boolean {
  return entry.appKey === undefined || entry.appKey === appKey;
}

/**
 * The app key as it may appear in a refusal: it is public (it is in every browser that uses
 * the app), but it is caller input, so only a plausible key is repeated.
 */
export function printableAppKey(appKey: string): string | undefined {
  return /^[A-Za-z0-9_-]{1,64}$/.test(appKey) ? appKey : undefined;
}
