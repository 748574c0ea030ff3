import { HEARTBEAT_MAX_AGE_MS, heartbeatAgeMs } from '@rytask/worker';
import type { Config } from '../config';

/** For container healthchecks: exit 0 when healthy, 1 with a reason otherwise. */
export async function healthcheckCommand(config: Config, target: string | undefined): Promise<number> {
  if (target === 'api') {
    try {
      const response = await fetch(`http://127.0.0.1:${config.port}/readyz`, { signal: AbortSignal.timeout(4_000) });
      if (response.ok) return 0;
      console.error(`api not ready: ${response.status} ${await response.text()}`);
    } catch (error) {
      console.error(`api unreachable on port ${config.port}: ${(error as Error).message}`);
    }
    return 1;
  }
  if (target === 'worker') {
    const age = heartbeatAgeMs(config.heartbeatFile);
    if (age !== null && age <= HEARTBEAT_MAX_AGE_MS) return 0;
    console.error(
      age === null
        ? `worker has not written its heartbeat (${config.heartbeatFile}) yet`
        : `worker heartbeat is ${Math.round(age / 1000)} s old: it is stuck or cannot reach the database`,
    );
    return 1;
  }
  console.error('usage: rytask healthcheck api|worker');
  return 2;
}
