// Client-side routing by `location.pathname`: a handful of screens do not need a router
// package. The server answers index.html for every path outside /api, so a deep link or
// a reload lands on the same screen.
import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

/** pushState fires no event of its own: this one tells usePath() that the path changed. */
const navigationEvent = 'app:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(navigationEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(navigationEvent, onChange);
  };
}

/** The current path, without a trailing slash (except `/` itself). */
export function currentPath(): string {
  const path = window.location.pathname;
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

/** Goes to `path` inside the app; `replace` for a redirect that should not stay in history. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === window.location.pathname + window.location.search) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(navigationEvent));
  // A new screen starts at its top, as a page load would.
  window.scrollTo(0, 0);
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & {
  href: string;
  /** Whether the link leads to where the user is; by default, when the path is exactly `href`. */
  current?: boolean;
};

/**
 * A real link (open in a new tab, copy the address) that navigates inside the app on a
 * plain click. `aria-current="page"` marks the link to where the user is.
 */
export function Link({ href, current, onClick, ...rest }: LinkProps) {
  const path = usePath();
  const isCurrent = current ?? path === href;
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0;
    if (event.defaultPrevented || modified) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} aria-current={isCurrent ? 'page' : undefined} onClick={handleClick} {...rest} />;
}
