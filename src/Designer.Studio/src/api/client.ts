/** Fetch wrapper: cookie authentication, the antiforgery header on writes, RFC 7807 problems as ApiError. */

export interface FieldProblem {
  path?: string;
  message: string;
  activityId?: string;
  code?: string;
  [key: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly body: any;
  constructor(status: number, message: string, body: any) {
    super(message);
    this.status = status;
    this.body = body;
  }
  /** `errors` of a 422 (validation) answer, whatever its shape: array, or ASP.NET's {field: [messages]}. */
  get errors(): FieldProblem[] {
    const e = this.body?.errors ?? this.body?.problems;
    if (Array.isArray(e)) return e.map((x) => (typeof x === 'string' ? { message: x } : x));
    if (e && typeof e === 'object')
      return Object.entries(e).flatMap(([path, msgs]) =>
        (Array.isArray(msgs) ? msgs : [msgs]).map((m) => ({ path, message: String(m) })),
      );
    return [];
  }
}

let xsrfToken: string | null = null;
let xsrfPromise: Promise<string | null> | null = null;

export function resetAntiforgery() {
  xsrfToken = null;
  xsrfPromise = null;
}

async function antiforgery(): Promise<string | null> {
  if (xsrfToken) return xsrfToken;
  if (!xsrfPromise)
    xsrfPromise = fetch('/api/auth/antiforgery', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(async (r) => (r.ok ? ((await r.json()) as { token?: string; requestToken?: string }) : null))
      .then((j) => (xsrfToken = j?.token ?? j?.requestToken ?? null))
      .catch(() => null)
      .finally(() => (xsrfPromise = null));
  return xsrfPromise;
}

function messageOf(status: number, body: any, fallback: string) {
  if (body && typeof body === 'object') {
    const errs = body.errors;
    if (Array.isArray(errs) && errs.length && typeof errs[0]?.message === 'string' && !body.detail && !body.title)
      return errs[0].message;
    return body.detail || body.title || body.message || fallback;
  }
  if (typeof body === 'string' && body.trim() && body.length < 300) return body;
  return fallback;
}

export interface RequestOptions {
  raw?: boolean;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export async function request<T = any>(method: string, url: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const write = method !== 'GET' && method !== 'HEAD';
  for (let attempt = 0; attempt < 2; attempt++) {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    // A Blob (a file to import) goes as it is, with its own type.
    const rawBody = body instanceof FormData || body instanceof Blob;
    if (body !== undefined && !rawBody) headers['Content-Type'] = 'application/json';
    if (body instanceof Blob && body.type && !headers['Content-Type']) headers['Content-Type'] = body.type;
    if (write) {
      const token = await antiforgery();
      if (token) headers['X-XSRF-TOKEN'] = token;
    }
    const res = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      signal: options.signal,
      body: body === undefined ? undefined : rawBody ? (body as BodyInit) : JSON.stringify(body),
    });
    if (options.raw && res.ok) return res as unknown as T;
    const text = await res.text();
    let parsed: any = null;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    if (res.ok) return parsed as T;
    // An antiforgery token issued before sign-in is no longer valid after it: fetch a new one and retry once.
    if (write && attempt === 0 && (res.status === 400 || res.status === 403) && /antiforgery|xsrf/i.test(text)) {
      resetAntiforgery();
      continue;
    }
    throw new ApiError(res.status, messageOf(res.status, parsed, `${res.status} ${res.statusText}`), parsed);
  }
  throw new Error('unreachable');
}

/** Sends a file as the request body with its own media type (CSV, xlsx), with the antiforgery header. */
export async function postFile<T = any>(url: string, file: Blob, contentType: string): Promise<T> {
  const token = await antiforgery();
  const res = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Content-Type': contentType, ...(token ? { 'X-XSRF-TOKEN': token } : {}) },
    body: file,
  });
  const text = await res.text();
  let parsed: any = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  if (res.ok) return parsed as T;
  throw new ApiError(res.status, messageOf(res.status, parsed, `${res.status} ${res.statusText}`), parsed);
}

export const api = {
  get: <T = any>(url: string, options?: RequestOptions) => request<T>('GET', url, undefined, options),
  post: <T = any>(url: string, body?: unknown, options?: RequestOptions) => request<T>('POST', url, body ?? {}, options),
  put: <T = any>(url: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', url, body ?? {}, options),
  del: <T = any>(url: string, options?: RequestOptions) => request<T>('DELETE', url, undefined, options),
};

export function qs(params: Record<string, string | number | boolean | undefined | null>) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Encodes an id for a path segment, keeping '/' (form ids like <locality>/apply). */
export function idPath(id: string) {
  return id.split('/').map(encodeURIComponent).join('/');
}
