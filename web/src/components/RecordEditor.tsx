// A form that saves a record, in a dialog: the server's validation messages at the fields
// they name and the rest above the form, the focus on the first field to fix, and the save
// button saying when it is working.
import { type FormEvent, type ReactNode, type RefObject, useState } from 'react';
import { useT } from '../i18n/context';
import { Dialog } from './Dialog';
import { type FieldErrors, FormErrors, splitErrors, useFocusOnInvalid } from './form';

/** What a form sends when it is saved; or, when the form itself finds errors, those. */
type Prepared = FieldErrors | (() => Promise<void>);

/**
 * The state of a form that saves. `fields` are the names the server's messages may point at;
 * `errors` holds their messages and the form's own, `general` the rest. `submit(prepare)` is
 * the form's submit handler: `prepare` reads the form and returns the errors it finds itself
 * (a date that cannot be read, a missing agency), said without asking the server, or the
 * request that saves, whose refusal is shown at the fields it names.
 */
export function useEditor(fields: readonly string[]) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const { form, refused } = useFocusOnInvalid();
  const { byField, general } = splitErrors(error, fields, t);

  const submit = (prepare: () => Prepared) => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const prepared = prepare();
    if (typeof prepared !== 'function') {
      setOwnErrors(prepared);
      refused();
      return;
    }
    setOwnErrors({});
    setBusy(true);
    try {
      await prepared();
    } catch (failure) {
      setError(failure);
      refused();
    } finally {
      setBusy(false);
    }
  };

  /** No message any more, for a form that starts again. */
  const reset = () => {
    setError(null);
    setOwnErrors({});
  };

  return { form, busy, errors: { ...byField, ...ownErrors }, general, submit, reset };
}

/**
 * A dialog holding one editor's form: an introduction, the messages no field shows, the
 * fields, then save (which says when it is working) and cancel.
 */
export function EditorDialog({
  title,
  editor,
  onSubmit,
  onClose,
  intro,
  saveLabel,
  wide = true,
  children,
}: {
  title: string;
  editor: { form: RefObject<HTMLFormElement | null>; busy: boolean; general: string[] };
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onClose: () => void;
  intro?: string;
  saveLabel?: string | undefined;
  wide?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Dialog title={title} onClose={onClose} wide={wide}>
      <form ref={editor.form} className="form" onSubmit={onSubmit} noValidate>
        {intro ? <p className="form__intro">{intro}</p> : null}
        <FormErrors messages={editor.general} />
        {children}
        <div className="form-actions">
          <button type="submit" className="button" disabled={editor.busy}>
            {editor.busy ? t('common.saving') : (saveLabel ?? t('common.save'))}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
