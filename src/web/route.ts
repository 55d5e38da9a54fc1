import { useEffect, useState } from 'preact/hooks';

/**
 * Views and their filters live in the URL (/gaps?sector=F&region=FR&period=2024): every view is a permalink.
 * navigate() changes it without reloading; useRoute() re-renders on changes and on the browser's back button.
 */

export interface Route {
  path: string;
  params: URLSearchParams;
}

const current = (): Route => ({ path: location.pathname, params: new URLSearchParams(location.search) });

export function navigate(path: string, params: Record<string, string | null | undefined> = {}, replace = false) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value != null && value !== '') search.set(key, value);
  const url = `${path}${search.size > 0 ? `?${search}` : ''}`;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = () => setRoute(current());
    addEventListener('popstate', update);
    return () => removeEventListener('popstate', update);
  }, []);
  return route;
}

/** The URL's filters as an object, for navigate() to change one of them. */
export const paramsOf = (params: URLSearchParams) => Object.fromEntries(params.entries());
