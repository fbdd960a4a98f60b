import { useState } from 'react';
import { DateField, readDay } from '../../components/form';
import { useT } from '../../i18n/context';

/**
 * "In force on" a date: the list is asked again once the field holds a real date (or
 * nothing); a half-typed date leaves the list as it is.
 */
export function AsOfFilter({ onChange }: { onChange: (date: string | null) => void }) {
  const t = useT();
  const [text, setText] = useState('');
  return (
    <DateField
      checkOnBlur
      label={t('common.asOf')}
      value={text}
      onChange={(value) => {
        setText(value);
        const date = readDay(value);
        if (date !== undefined) onChange(date);
      }}
    />
  );
}
