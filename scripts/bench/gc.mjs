// Garbage-collection pauses of this process, attributed to measurement windows afterwards (the observer
// delivers its entries asynchronously, so windows are recorded first and matched once the loop is done).
import { PerformanceObserver } from 'node:perf_hooks';

export function gcRecorder() {
  const pauses = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push({ start: e.startTime, end: e.startTime + e.duration });
  });
  obs.observe({ entryTypes: ['gc'] });
  return {
    /** ms of GC pause inside [from, to] (performance.now() times); call after `flush`. */
    within(from, to) {
      let ms = 0;
      for (const p of pauses) if (p.end > from && p.start < to) ms += Math.min(p.end, to) - Math.max(p.start, from);
      return ms;
    },
    /** Lets pending entries arrive. */
    flush: () => new Promise((resolve) => setTimeout(resolve, 20)),
    stop: () => obs.disconnect(),
  };
}
