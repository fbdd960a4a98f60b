import type { Messages } from './vi';

export const en: Messages = {
  'app.title': 'Lịch truyền thông phòng, chống mua bán người',
  'app.titleTranslation': 'Communication calendar for preventing and combating human trafficking',
  'language.label': 'Language',
  'language.vi': 'Tiếng Việt',
  'language.en': 'English',

  'calendar.label': 'Activity calendar',
  'calendar.loading': 'Loading activities…',
  'calendar.loadFailed': 'The activities could not be loaded.',
  'calendar.retry': 'Try again',
  'calendar.monthTitle': '{monthName} {year}',
  'calendar.timeZone': 'Times are shown in the {timeZone} time zone',
  'calendar.legend': 'Status legend',
  'calendar.overdue': 'Overdue',
  'calendar.overdueHint': 'Its time has passed but no result has been reported',
  'calendar.allDay': 'all day',

  'status.planned': 'Planned',
  'status.confirmed': 'Confirmed',
  'status.done': 'Done',
  'status.postponed': 'Postponed',
  'status.cancelled': 'Cancelled',

  'error.network': 'The server could not be reached. Please check the network and try again.',
  'error.invalidResponse': 'The server answered in an unexpected format. Please tell the administrator.',
  'error.server': 'The server ran into a problem. Please try again in a few minutes.',
  'error.requestId': 'Request id: {requestId}',
};
