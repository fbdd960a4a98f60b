import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/context';

type Copied = 'idle' | 'copied' | 'failed';

/**
 * Copies `text`: the Clipboard API where the page may use it (HTTPS, localhost), else the
 * older copy command on the selected field (a deployment on plain HTTP in an office network).
 */
async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

/**
 * A secret that the server gives once (a token, a share link): shown in a read-only field
 * with a copy button and a warning that it will not be shown again. It takes the focus
 * when it appears, with its text selected, so that it can be copied from the keyboard too.
 * It stays until its owner dismisses it; nothing keeps it after that.
 */
export function SecretBox({
  title,
  label,
  value,
  warning,
  onDismiss,
  children,
}: {
  title: string;
  /** The field's label: "Mã truy cập", "Liên kết". */
  label: string;
  value: string;
  warning: string;
  onDismiss: () => void;
  /** How to use it. */
  children?: ReactNode;
}) {
  const t = useT();
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<Copied>('idle');

  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);

  const copy = async () => {
    setCopied((await copyText(value, field.current)) ? 'copied' : 'failed');
  };

  return (
    <section className="secret-box" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="secret-box__title">
        {title}
      </h3>
      <p className="secret-box__warning">
        <span className="secret-box__warning-mark" aria-hidden="true">
          !
        </span>
        {warning}
      </p>
      <label className="field__label" htmlFor={`${id}-value`}>
        {label}
      </label>
      <div className="secret-box__row">
        <input
          ref={field}
          id={`${id}-value`}
          className="input secret-box__value"
          value={value}
          readOnly
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button" onClick={copy}>
          {t('secret.copy')}
        </button>
      </div>
      <p className="secret-box__copied" role="status">
        {copied === 'copied' ? t('secret.copied') : copied === 'failed' ? t('secret.copyFailed') : ''}
      </p>
      {children}
      <div className="form-actions">
        <button type="button" className="button button--secondary" onClick={onDismiss}>
          {t('secret.dismiss')}
        </button>
      </div>
    </section>
  );
}
