/**
 * Start-up phases as marks on the page's performance timeline: `make bench` prints them beside
 * the total, so a slower start-up says where its time went (script, library, list, paint).
 */

const PREFIX = 'banthao:';

export function markPhase(name: string): void {
  try {
    performance.mark(PREFIX + name);
  } catch {
    // No performance timeline (an old engine): the phases are only a diagnostic.
  }
}

/**
 * Resolves once the next frame has been rendered: a task queued from an animation-frame callback
 * runs after that frame's layout and paint (`bare.js`, the benchmark's reference, waits the same way).
 */
export function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** `name=ms` since navigation for the page's own milestones and ours, in time order. */
export function startupPhases(): string {
  try {
    const entries: [string, number][] = [];
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    if (navigation && navigation.domContentLoadedEventEnd > 0) entries.push(['dom-ready', navigation.domContentLoadedEventEnd]);
    for (const paint of performance.getEntriesByType('paint')) entries.push([paint.name, paint.startTime]);
    for (const mark of performance.getEntriesByType('mark')) {
      if (mark.name.startsWith(PREFIX)) entries.push([mark.name.slice(PREFIX.length), mark.startTime]);
    }
    return entries
      .sort((a, b) => a[1] - b[1])
      .map(([name, at]) => `${name}=${Math.round(at)}`)
      .join(' ');
  } catch {
    return '';
  }
}
