import type { ComponentChildren } from 'preact';
import { useId, useRef, useState } from 'preact/hooks';

interface Props {
  /** The button that opens the confirmation. */
  label: string;
  title: string;
  /** What will happen; or, with `prepare`, shown while it runs. */
  children: ComponentChildren;
  /** Work to do before asking (a dry-run count): its answer is shown in the dialog. */
  prepare?: () => Promise<{ text: ComponentChildren; allowed: boolean }>;
  confirmLabel: string;
  /** Does the work; resolves with the result to show. */
  run: () => Promise<string>;
  onDone?: () => void;
  /** Where to say the result, when this button may be gone by then (a row that empties). */
  onResult?: (result: ActionResult) => void;
  disabled?: boolean;
  small?: boolean;
}

export interface ActionResult {
  ok: boolean;
  text: string;
}

/**
 * A button whose action is confirmed in a modal dialog first (native <dialog>: focus is held
 * inside, Escape cancels), then runs it and says what happened next to the button.
 */
export function ConfirmAction(props: Props) {
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const [prepared, setPrepared] = useState<{ text: ComponentChildren; allowed: boolean } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);

  const open = async () => {
    setResult(null);
    setPrepared(null);
    dialog.current?.showModal();
    if (!props.prepare) return;
    try {
      setPrepared(await props.prepare());
    } catch (error) {
      setPrepared({ text: `Could not check first: ${(error as Error).message}`, allowed: false });
    }
  };
  const close = () => {
    dialog.current?.close();
    trigger.current?.focus();
  };
  const confirm = async () => {
    setBusy(true);
    const say = (said: ActionResult) => (props.onResult ? props.onResult(said) : setResult(said));
    try {
      say({ ok: true, text: await props.run() });
      props.onDone?.();
    } catch (error) {
      say({ ok: false, text: (error as Error).message });
    } finally {
      setBusy(false);
      close();
    }
  };
  const ready = !props.prepare || (prepared?.allowed ?? false);

  return (
    <span class="confirm-action">
      <button
        ref={trigger}
        type="button"
        class={`button${props.small ? ' button--small' : ''}`}
        onClick={open}
        disabled={props.disabled || busy}
      >
        {props.label}
      </button>
      <ResultNotice result={result} inline />
      <dialog ref={dialog} class="dialog" aria-labelledby={titleId} onClose={() => setBusy(false)}>
        <h2 id={titleId}>{props.title}</h2>
        <div class="dialog__body">{props.children}</div>
        {props.prepare && (
          <p class="dialog__body" role="status">
            {prepared ? prepared.text : 'Checking…'}
          </p>
        )}
        <div class="dialog__buttons">
          <button type="button" class="button" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            class="button button--primary"
            onClick={confirm}
            disabled={!ready || busy}
          >
            {busy ? 'Working…' : props.confirmLabel}
          </button>
        </div>
      </dialog>
    </span>
  );
}

export function ResultNotice({
  result,
  inline,
}: {
  result: ActionResult | null;
  inline?: boolean;
}) {
  if (!result) return null;
  const kind = result.ok ? 'notice--ok' : 'notice--error';
  return (
    <span
      class={`notice ${inline ? 'notice--inline ' : ''}${kind}`}
      role={result.ok ? 'status' : 'alert'}
    >
      {result.text}
    </span>
  );
}
