// Whether the API answers: a request that could not reach it (server down, proxy gone) marks the connection
// lost, any answer marks it back; a browser that knows it is offline counts too (react-query then holds its
// requests rather than failing them, which would leave a stale list on screen without a word). The layout shows
// a banner while it is lost (what is on screen may be out of date) instead of the browser's raw "Failed to fetch".
import { useSyncExternalStore } from 'react';

let lost = false;
const listeners = new Set<() => void>();

export const reportConnection = (reached: boolean) => {
  if (lost === !reached) return;
  lost = !reached;
  listeners.forEach((l) => l());
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
};

export const useConnectionLost = () => useSyncExternalStore(subscribe, () => lost || !navigator.onLine);

/** fetch's own failure (no answer at all), as opposed to an HTTP error status. */
export const isNetworkFailure = (error: unknown) => error instanceof TypeError;
