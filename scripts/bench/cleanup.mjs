// Temp folders (bundles, the generated workspace) are removed on exit, also when the run is interrupted.
const pending = new Set();

/** Registers `fn` to run once at exit; returns a function that runs it now (and unregisters it). */
export function onExit(fn) {
  const once = () => {
    if (pending.delete(once)) fn();
  };
  pending.add(once);
  return once;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const f of [...pending]) f();
    process.exit(130);
  });
}
