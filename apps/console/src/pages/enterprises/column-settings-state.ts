import { useState } from 'react';

/** Shown/hidden per column key, as ProTable kept it: `{ [key]: { show } }` in localStorage. */
type Stored = Record<string, { show?: boolean }>;

const cache = new Map<string, Stored>();

/**
 * Reads the stored settings into memory. A page module calls it when it loads: the first
 * localStorage access of a tab waits on the browser process, better while the rows are on their
 * way than in the middle of drawing them.
 */
export function readColumnSettings(storageKey: string): Stored {
  let value = cache.get(storageKey);
  if (!value) {
    try {
      const parsed = JSON.parse(localStorage.getItem(storageKey) ?? '{}') as unknown;
      value = parsed && typeof parsed === 'object' ? (parsed as Stored) : {};
    } catch {
      value = {};
    }
    cache.set(storageKey, value);
  }
  return value;
}

/** The columns a user chose to see, kept in this browser between visits. */
export function useColumnSettings(storageKey: string) {
  const [stored, setStored] = useState<Stored>(() => readColumnSettings(storageKey));
  const shown = (key: string) => stored[key]?.show !== false;
  const setShown = (next: Stored) => {
    setStored(next);
    cache.set(storageKey, next);
    if (Object.keys(next).length) localStorage.setItem(storageKey, JSON.stringify(next));
    else localStorage.removeItem(storageKey);
  };
  return { shown, stored, setShown };
}
