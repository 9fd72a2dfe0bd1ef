import { X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import type { TrustAnchors } from '../shared/certificates/trust-anchors';

/**
 * SNS signing certificates are issued by Amazon Trust Services (subject CN `sns.amazonaws.com`,
 * issuer `Amazon RSA 2048 M01`, root `Amazon Root CA 1`), and the `.pem` at SigningCertURL holds
 * the leaf alone. So the intermediate ships here as a fact, from
 * https://www.amazontrust.com/repository/ (AIA http://crt.r2m01.amazontrust.com/r2m01.cer);
 * a spec checks it is signed by Amazon Root CA 1 as Node ships it. It is only a helper on the
 * path: trust still ends at an Amazon root.
 */
export const AMAZON_RSA_2048_M01_PEM = `-----BEGIN CERTIFICATE-----
MIIEXjCCA0agAwIBAgITB3MSOAudZoijOx7Zv5zNpo4ODzANBgkqhkiG9w0BAQsF
ADA5MQswCQYDVQQGEwJVUzEPMA0GA1UEChMGQW1hem9uMRkwFwYDVQQDExBBbWF6
b24gUm9vdCBDQSAxMB4XDTIyMDgyMzIyMjEyOFoXDTMwMDgyMzIyMjEyOFowPDEL
MAkGA1UEBhMCVVMxDzANBgNVBAoTBkFtYXpvbjEcMBoGA1UEAxMTQW1hem9uIFJT
QSAyMDQ4IE0wMTCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBAOtxLKnL
H4gokjIwr4pXD3i3NyWVVYesZ1yX0yLI2qIUZ2t88Gfa4gMqs1YSXca1R/lnCKeT
epWSGA+0+fkQNpp/L4C2T7oTTsddUx7g3ZYzByDTlrwS5HRQQqEFE3O1T5tEJP4t
f+28IoXsNiEzl3UGzicYgtzj2cWCB41eJgEmJmcf2T8TzzK6a614ZPyq/w4CPAff
nAV4coz96nW3AyiE2uhuB4zQUIXvgVSycW7sbWLvj5TDXunEpNCRwC4kkZjK7rol
jtT2cbb7W2s4Bkg3R42G3PLqBvt2N32e/0JOTViCk8/iccJ4sXqrS1uUN4iB5Nmv
JK74csVl+0u0UecCAwEAAaOCAVowggFWMBIGA1UdEwEB/wQIMAYBAf8CAQAwDgYD
VR0PAQH/BAQDAgGGMB0GA1UdJQQWMBQGCCsGAQUFBwMBBggrBgEFBQcDAjAdBgNV
HQ4EFgQUgbgOY4qJEhjl+js7UJWf5uWQE4UwHwYDVR0jBBgwFoAUhBjMhTTsvAyU
lC4IWZzHshBOCggwewYIKwYBBQUHAQEEbzBtMC8GCCsGAQUFBzABhiNodHRwOi8v
b2NzcC5yb290Y2ExLmFtYXpvbnRydXN0LmNvbTA6BggrBgEFBQcwAoYuaHR0cDov
L2NydC5yb290Y2ExLmFtYXpvbnRydXN0LmNvbS9yb290Y2ExLmNlcjA/BgNVHR8E
ODA2MDSgMqAwhi5odHRwOi8vY3JsLnJvb3RjYTEuYW1hem9udHJ1c3QuY29tL3Jv
b3RjYTEuY3JsMBMGA1UdIAQMMAowCAYGZ4EMAQIBMA0GCSqGSIb3DQEBCwUAA4IB
AQCtAN4CBSMuBjJitGuxlBbkEUDeK/pZwTXv4KqPK0G50fOHOQAd8j21p0cMBgbG
kfMHVwLU7b0XwZCav0h1ogdPMN1KakK1DT0VwA/+hFvGPJnMV1Kx2G4S1ZaSk0uU
5QfoiYIIano01J5k4T2HapKQmmOhS/iPtuo00wW+IMLeBuKMn3OLn005hcrOGTad
hcmeyfhQP7Z+iKHvyoQGi1C0ClymHETx/chhQGDyYSWqB/THwnN15AwLQo0E5V9E
SJlbe4mBlqeInUsNYugExNf+tOiybcrswBy8OFsd34XOW3rjSUtsuafd9AWySa3h
xRRrwszrzX/WWGm6wyB+f7C4
-----END CERTIFICATE-----
`;

let shippedIntermediates: X509Certificate[] | undefined;

/** The intermediates shipped above, parsed once: untrusted helpers for the path walk. */
export function amazonIntermediates(): readonly X509Certificate[] {
  shippedIntermediates ??= [new X509Certificate(AMAZON_RSA_2048_M01_PEM)];
  return shippedIntermediates;
}

let amazonRoots: TrustAnchors | undefined;

/**
 * Amazon Root CA 1–4 as Node ships them (its Mozilla bundle): the default trust for SNS. Only
 * Amazon's roots, not every root Node trusts, so no other CA can vouch for `sns.amazonaws.com`.
 */
export function amazonTrustAnchors(): TrustAnchors {
  amazonRoots ??= {
    certificates: rootCertificates
      .map((pem) => new X509Certificate(pem))
      .filter(
        (cert) => /^O=Amazon$/m.test(cert.subject) && /^CN=Amazon Root CA \d$/m.test(cert.subject),
      ),
    id: 'amazon-root-cas',
  };
  return amazonRoots;
}
