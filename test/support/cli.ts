// Runs the built `rytask` command as a separate process, as an operator would.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const RYTASK_BIN = fileURLToPath(new URL('../../apps/cli/bin/rytask.mjs', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  output: string;
}

export function rytask(args: string[], env: Record<string, string | undefined> = {}, timeoutMs = 60_000): Promise<CliResult> {
  const cleanEnv: Record<string, string> = {};
  // Only what a process needs from the test runner; never a developer's own DATABASE_URL.
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG']) if (process.env[key]) cleanEnv[key] = process.env[key]!;
  for (const [key, value] of Object.entries(env)) if (value !== undefined) cleanEnv[key] = value;
  return new Promise((resolve) => {
    execFile(process.execPath, [RYTASK_BIN, ...args], { env: cleanEnv, timeout: timeoutMs }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr, output: `${stdout}\n${stderr}` });
    });
  });
}
