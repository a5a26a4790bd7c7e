// A page opened on the inbox shows its rows first: the layout's extras (the menu, the language menu, the
// notification bell with its requests, the live connection) render once the rows are on screen, since they share
// one main thread with them and the rows are what staff open the console for (measured: bench/console). Any other
// page, or the inbox after another page, renders them at once. They also show after FALLBACK_MS whatever happens
// (an inbox that fails to load, a slow link).
import { useEffect, useSyncExternalStore } from 'react';
import { useLocation } from 'react-router-dom';

const FALLBACK_MS = 3_000;
const INBOX_PATH = '/tasks';

/** The route of react-admin's hash router at start (`#/tasks?…` → `/tasks`). */
const startPath = () => location.hash.replace(/^#/, '').split('?')[0].replace(/\/$/, '');

let waiting = startPath() === INBOX_PATH;
const listeners = new Set<() => void>();

const release = () => {
  if (!waiting) return;
  waiting = false;
  listeners.forEach((l) => l());
};

/** The inbox's rows are in the page (or it has nothing to show): the extras render once the browser has painted
 * them (a frame, then a task), not before. */
export const inboxShown = () => {
  if (waiting) requestAnimationFrame(() => setTimeout(release));
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/** Whether the layout's extras may render now. */
export const useExtrasReady = () => !useSyncExternalStore(subscribe, () => waiting);

/** Mounted by the layout: releases the extras when the route is not the inbox, and after FALLBACK_MS. */
export const useReleaseExtras = () => {
  const { pathname } = useLocation();
  useEffect(() => {
    if (pathname.replace(/\/$/, '') !== INBOX_PATH) release();
  }, [pathname]);
  useEffect(() => {
    const timer = setTimeout(release, FALLBACK_MS);
    return () => clearTimeout(timer);
  }, []);
};
