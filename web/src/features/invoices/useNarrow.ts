import { useSyncExternalStore } from 'react';

/** Where the invoice list turns from a table into cards: a phone held upright (up to 40rem, 640 px at 16 px). */
const NARROW = '(max-width: 40rem)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** True on a narrow screen, following the window as it is resized or turned. */
export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(NARROW).matches, () => false);
}
