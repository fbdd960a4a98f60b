import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useT } from '../i18n/context';

/**
 * A modal dialog on the native <dialog> element: the browser traps focus, closes on
 * Escape, makes the page behind it inert and gives it the dialog role. It is open for as
 * long as it is rendered; closing it (Escape, the close button) asks the owner to stop
 * rendering it, and the focus goes back to where it was.
 */
export function Dialog({
  title,
  onClose,
  children,
  wide = false,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      // The browser gives the focus back only when a dialog closes in place; this one is
      // removed from the page with its owner's state, so give it back to what opened it.
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog--wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // React decides when the dialog goes away: Escape only asks.
        event.preventDefault();
        onClose();
      }}
    >
      <div className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <button type="button" className="dialog__close" onClick={onClose} aria-label={t('common.close')}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div className="dialog__body">{children}</div>
    </dialog>
  );
}
