// Preloaded into the Prisma CLI (node --import). Its WebAssembly schema engine arms a 10 s timer (the
// advisory-lock timeout) and never clears it, so `prisma migrate deploy` sat idle for 10 s after its work
// was done. Unreferenced timers still fire while anything else keeps the process alive, so a real lock
// wait still times out; they just no longer hold an otherwise finished process open.
const setTimeoutOriginal = globalThis.setTimeout;
globalThis.setTimeout = function setTimeoutUnrefLong(callback, ms, ...args) {
  const timer = setTimeoutOriginal.call(this, callback, ms, ...args);
  if (typeof ms === 'number' && ms >= 5_000) timer.unref?.();
  return timer;
};
