/**
 * The signed-content template: `{body}`, `{timestamp}`, `{id}`, `{url}`, `{method}` and the
 * literal text between them (`v0:{timestamp}:{body}`). Compiled once per descriptor; shared by
 * the HMAC and the public-key descriptors, which sign the same kinds of content.
 */
export const PLACEHOLDERS = ['body', 'timestamp', 'id', 'url', 'method'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type ContentPart = { readonly literal: string } | { readonly field: Placeholder };

/** The values a template is rendered with; the body is the exact raw bytes. */
export interface SignedInput {
  readonly body: Buffer;
  readonly timestamp?: string;
  readonly id?: string;
  readonly url?: string;
  readonly method?: string;
}

export function compileTemplate(template: string): ContentPart[] {
  const parts: ContentPart[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{([^{}]*)\}/g)) {
    const name = match[1] as Placeholder;
    if (!PLACEHOLDERS.includes(name)) {
      throw new Error(
        `signedContent: {${match[1]}} is not a placeholder; use ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}.`,
      );
    }
    if (match.index > last) parts.push({ literal: template.slice(last, match.index) });
    parts.push({ field: name });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ literal: template.slice(last) });
  return parts;
}

export function usesPlaceholder(parts: readonly ContentPart[], name: Placeholder): boolean {
  return parts.some((part) => 'field' in part && part.field === name);
}

/** The parts to sign in order: the body as is, everything else as UTF-8 text. */
export function renderContent(
  parts: readonly ContentPart[],
  input: SignedInput,
): (string | Buffer)[] {
  return parts.map((part) => {
    if ('literal' in part) return part.literal;
    return part.field === 'body' ? input.body : (input[part.field] ?? '');
  });
}
