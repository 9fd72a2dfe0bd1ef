import fc from 'fast-check';
import { jsonDepthExceeds } from './body';

/** The plain character-by-character scan, as the model the fast one must agree with. */
function modelDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (++depth > limit) return true;
    } else if (c === '}' || c === ']') depth--;
  }
  return false;
}

describe('jsonDepthExceeds', () => {
  it('counts nesting outside strings only', () => {
    expect(jsonDepthExceeds('[[[1]]]', 3)).toBe(false);
    expect(jsonDepthExceeds('[[[1]]]', 2)).toBe(true);
    expect(jsonDepthExceeds('{"a":"[[[[[[","b":[{}]}', 3)).toBe(false);
    expect(jsonDepthExceeds('{"a":"[[[[[[","b":[{}]}', 2)).toBe(true);
  });

  it('ends a string only at a quote that an odd run of backslashes does not escape', () => {
    expect(jsonDepthExceeds('["\\"[[[["]', 1)).toBe(false); // \" stays inside the string
    expect(jsonDepthExceeds('["\\\\"[[[]]]]', 1)).toBe(true); // \\ then the closing quote
    expect(jsonDepthExceeds('["unterminated [[[[', 1)).toBe(false);
  });

  it('agrees with the character-by-character model on arbitrary and JSON text', () => {
    const chars = fc.constantFrom('{', '}', '[', ']', '"', '\\', 'a', ',', ':', ' ');
    const jsonish = fc.oneof(
      fc.array(chars, { maxLength: 200 }).map((cs) => cs.join('')),
      fc.json({ depthSize: 'large' }),
      fc.string(),
    );
    fc.assert(
      fc.property(jsonish, fc.integer({ min: 0, max: 12 }), (text, limit) => {
        expect(jsonDepthExceeds(text, limit)).toBe(modelDepthExceeds(text, limit));
      }),
      { numRuns: 5000 },
    );
  });
});
