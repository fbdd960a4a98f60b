// A form that saves a record (useRecordForm), in a dialog: the refusals no field shows above
// the fields, then save, which says when it is working, and cancel.
import type { FormEvent, ReactNode, RefObject } from 'react';
import { useT } from '../i18n/context';
import { Dialog } from './Dialog';
import { FormErrors } from './form';

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
