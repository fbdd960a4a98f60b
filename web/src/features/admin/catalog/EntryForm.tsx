import type { Catalog, CatalogEntry } from '../../../api/catalog';
import { ActivityTypeForm } from './ActivityTypeForm';
import { ChannelForm } from './ChannelForm';
import { IndicatorForm } from './IndicatorForm';
import type { Editing } from './kinds';
import { ObservanceForm } from './ObservanceForm';
import { TargetGroupForm } from './TargetGroupForm';

/** The form of the kind of entry being edited. */
export function EntryForm({
  editing,
  catalog,
  onClose,
  onSaved,
}: {
  editing: Editing;
  catalog: Catalog;
  onClose: () => void;
  onSaved: (saved: CatalogEntry) => void;
}) {
  const shared = { onClose, onSaved };
  switch (editing.kind) {
    case 'activity-types':
      return <ActivityTypeForm entry={editing.entry} catalog={catalog} {...shared} />;
    case 'channels':
      return <ChannelForm entry={editing.entry} catalog={catalog} {...shared} />;
    case 'target-groups':
      return <TargetGroupForm entry={editing.entry} {...shared} />;
    case 'indicators':
      return <IndicatorForm entry={editing.entry} catalog={catalog} {...shared} />;
    case 'observances':
      return <ObservanceForm entry={editing.entry} {...shared} />;
  }
}
