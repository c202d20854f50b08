// Reports once the first frame has been rendered (the benchmark's reference for start-up; a
// task queued from an animation-frame callback runs after that frame's paint, as in the app's
// ui/src/app/startup-phases.ts), with the page's milestones in the app's `name=ms` form.
requestAnimationFrame(() =>
  setTimeout(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const paints = performance.getEntriesByType('paint').map((p) => `${p.name}=${Math.round(p.startTime)}`);
    const phases = [nav ? `dom-ready=${Math.round(nav.domContentLoadedEventEnd)}` : '', ...paints, `painted=${Math.round(performance.now())}`];
    window.__TAURI_INTERNALS__.invoke('ui_ready', { phases: phases.filter(Boolean).join(' ') });
  }, 0),
);
