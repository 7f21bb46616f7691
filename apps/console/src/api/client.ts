import createClient from 'openapi-fetch';

import type { components, paths } from './schema';
import { clearSession, getToken } from './session';

export type Schemas = components['schemas'];

export const api = createClient<paths>({ baseUrl: '/' });

api.use({
  onRequest({ request }) {
    const token = getToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    // an expired or revoked token: back to the login page with a message
    if (response.status === 401 && !request.url.endsWith('/api/v1/auth/login') && getToken()) {
      clearSession('登录已过期或已失效,请重新登录');
    }
    return response;
  },
});

export interface FieldError {
  field: string;
  code?: string;
  message: string;
}

/** The API's one error shape, as an Error the pages can show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: FieldError[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

type Result<T> = { data?: T; error?: unknown; response: Response };

/** Awaits an openapi-fetch call and returns its data, or throws the API's error. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const body = (error ?? {}) as { code?: string; message?: string; errors?: FieldError[] };
  throw new ApiError(
    response.status,
    body.code ?? `HTTP_${response.status}`,
    body.message ?? `请求失败(${response.status})`,
    body.errors ?? [],
    body as Record<string, unknown>,
  );
}

/** A plain fetch with the token, for downloads and uploads that openapi-fetch does not type. */
export async function authorizedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = getToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const response = await fetch(url, { ...init, headers });
  if (response.status === 401 && getToken()) clearSession('登录已过期或已失效,请重新登录');
  return response;
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const details = error.errors.map((e) => e.message).filter(Boolean);
    return details.length ? `${error.message}:${details.join(';')}` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
