// Addresses of the result screens, for the links that lead to them from other screens.

/** An activity's result page: log, correct or review its result. */
export function resultHref(activityId: number): string {
  return `/activities/${activityId}/result`;
}

/** The one-step log of an event held without being planned. */
export const heldActivityHref = '/activities/held/new';
