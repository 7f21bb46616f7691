// The token lives in memory and in sessionStorage (survives a reload, not a closed tab); never in a URL.
const TOKEN_KEY = 'cr.token';
const NOTICE_KEY = 'cr.notice';

let token: string | null = sessionStorage.getItem(TOKEN_KEY);
const listeners = new Set<() => void>();

export function getToken(): string | null {
  return token;
}

export function setToken(value: string): void {
  token = value;
  sessionStorage.setItem(TOKEN_KEY, value);
  listeners.forEach((l) => l());
}

/** Logs out: forgets the token everywhere. `notice` is shown on the login page. */
export function clearSession(notice?: string): void {
  token = null;
  sessionStorage.removeItem(TOKEN_KEY);
  if (notice) sessionStorage.setItem(NOTICE_KEY, notice);
  listeners.forEach((l) => l());
}

/** The message left by the last forced logout, read once. */
export function takeNotice(): string | null {
  const notice = sessionStorage.getItem(NOTICE_KEY);
  sessionStorage.removeItem(NOTICE_KEY);
  return notice;
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
