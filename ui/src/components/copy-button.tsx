import { useState } from 'preact/hooks';

/**
 * Copy `text` to the clipboard. The Clipboard API needs a secure context (HTTPS or localhost);
 * on plain HTTP the user is asked to copy it by hand.
 */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [said, setSaid] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setSaid('Copied');
    } catch {
      setSaid('Select the URL and copy it (Ctrl+C)');
    }
  };
  return (
    <span class="copy">
      <button type="button" class="button button--small" onClick={copy} aria-label={label}>
        Copy
      </button>
      <span class="copy__said" role="status">
        {said}
      </span>
    </span>
  );
}
