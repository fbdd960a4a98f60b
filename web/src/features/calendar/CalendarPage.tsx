import { useState } from 'react';
import { type Activity, listActivitiesInRange } from '../../api/activities';
import { ActivityDialog } from '../activity/ActivityDialog';
import { ActivityCalendar } from './ActivityCalendar';

type Props = {
  /** The deployment's zone (GET /api/health): days and times are shown in it, whatever the browser's. */
  timeZone: string;
};

/** The home page: every activity the user may read, month by month; a click opens its details. */
export function CalendarPage({ timeZone }: Props) {
  const [opened, setOpened] = useState<Activity | null>(null);
  return (
    <>
      <ActivityCalendar timeZone={timeZone} loadActivities={listActivitiesInRange} onOpen={setOpened} />
      {opened ? <ActivityDialog activity={opened} onClose={() => setOpened(null)} /> : null}
    </>
  );
}
