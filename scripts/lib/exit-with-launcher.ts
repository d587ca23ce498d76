// Preloaded (`node --import`) into a long-running child that a launcher started through `spawnTied`: the child
// stops when its launcher's process ends, however it ends (SIGKILL included). Node has no prctl(PDEATHSIG);
// the standard way is an IPC channel, which the operating system closes when the launcher dies, so the
// child sees 'disconnect' and terminates itself as on SIGTERM (its own graceful shutdown). A child that
// has not exited a while later is ended outright. Without a channel (started by hand) nothing changes.
const GRACE_MS = 10_000;

if (process.channel) {
  process.once('disconnect', () => {
    setTimeout(() => process.exit(1), GRACE_MS).unref();
    process.kill(process.pid, 'SIGTERM');
  });
  // A 'disconnect' listener refs the channel; the channel alone must not keep the process running.
  process.channel.unref();
}
