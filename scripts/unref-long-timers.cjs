// The Prisma CLI (with a driver adapter) leaves a 60-second timer behind after
// `migrate` and `db push`, keeping the process alive long after the work is done.
// Preloaded with NODE_OPTIONS=--require, this lets such long timers not hold the process open.
const originalSetTimeout = global.setTimeout;
global.setTimeout = function setTimeoutUnrefLong(callback, delay, ...args) {
  const timer = originalSetTimeout(callback, delay, ...args);
  if (typeof delay === "number" && delay >= 60_000 && typeof timer?.unref === "function") timer.unref();
  return timer;
};
