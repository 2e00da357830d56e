import { useEffect, useState } from 'react';

/** Hash routing (`#/workflows/x?y=1`): works behind any static file server without a fallback route. */
export interface Route {
  path: string;
  query: URLSearchParams;
}

function current(): Route {
  const hash = window.location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = hash.split('?');
  return { path: path || '/', query: new URLSearchParams(search) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const onChange = () => setRoute(current());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(to: string, replace = false) {
  const target = '#' + (to.startsWith('/') ? to : '/' + to);
  if (replace) window.location.replace(target);
  else window.location.hash = target;
}

export function href(to: string) {
  return '#' + (to.startsWith('/') ? to : '/' + to);
}

/** Matches `/workflows/:id` against a path; a trailing `*` param takes the rest (ids may contain '/'). */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const part = p[i];
    if (part.endsWith('*') && part.startsWith(':')) {
      if (i >= s.length) return null;
      params[part.slice(1, -1)] = s.slice(i).map(decodeURIComponent).join('/');
      return params;
    }
    if (i >= s.length) return null;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(s[i]);
    else if (part !== s[i]) return null;
  }
  return p.length === s.length ? params : null;
}

export function withQuery(path: string, query: Record<string, string | undefined | null>) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
