// What a process does with an error nothing caught. Every handler is meant to catch its own errors
// (Express routes and middlewares, socket.io middlewares, LISTEN handlers, timers); this is the net
// under them, and its policy is:
// - a rejected promise nobody handled is one request's or one event's failure: it is logged, and the
//   process keeps serving everyone else;
// - an exception thrown out of the event loop leaves the process in a state nobody can vouch for (Node
//   documents it so): it is logged and the process exits with status 1, and its supervisor (`npm start`,
//   docker's restart policy) starts a clean one.

export function installCrashPolicy(log: { error(msg: string, err?: unknown): void }): void {
  process.on('unhandledRejection', (reason) => {
    log.error('unhandled promise rejection (a handler missed it); still serving', reason);
  });
  process.on('uncaughtException', (err, origin) => {
    log.error(`uncaught exception (${origin}); exiting so that the supervisor starts a clean process`, err);
    // a moment for the log line to reach a piped stdout/stderr
    setTimeout(() => process.exit(1), 200);
  });
}
