import { useEffect } from 'react';
import { useRealtime } from '../realtime.js';

/** No input for this long makes the person "away" (Lark's five minutes). */
export const AWAY_AFTER_MS = 5 * 60_000;

const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'focus'] as const;

/**
 * Tells the hub whether the person is at this client: idle after `awayAfterMs` without input,
 * active again on the next input. Input only moves a timestamp; the socket hears about the two
 * transitions, never about keystrokes. Mounted once, inside the realtime provider.
 */
export function useActivityReporter(awayAfterMs = AWAY_AFTER_MS): void {
  const client = useRealtime();
  useEffect(() => {
    if (!client) return;
    let lastInput = Date.now();
    let idle = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const quiet = Date.now() - lastInput;
      if (quiet >= awayAfterMs) {
        idle = true;
        client.setActivity('idle');
        timer = undefined;
        return;
      }
      timer = setTimeout(check, awayAfterMs - quiet);
    };
    const onInput = () => {
      lastInput = Date.now();
      if (idle) {
        idle = false;
        client.setActivity('active');
      }
      timer ??= setTimeout(check, awayAfterMs);
    };
    for (const e of INPUT_EVENTS) window.addEventListener(e, onInput, { passive: true, capture: true });
    timer = setTimeout(check, awayAfterMs);
    return () => {
      for (const e of INPUT_EVENTS) window.removeEventListener(e, onInput, { capture: true });
      if (timer) clearTimeout(timer);
    };
  }, [client, awayAfterMs]);
}
