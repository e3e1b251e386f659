import { spawnSync } from 'node:child_process';
import { bufferedOutput, type CliOutput } from '../../scripts/lib/cli-output.ts';

/** A command's exit status and what it printed, whether it ran as a process or was called in this one. */
export type CommandResult = { status: number | null; stdout: string; stderr: string };

/** Runs a project script as a process, with the Node that runs the tests (the pinned Node 22): the smoke test of its CLI wiring. */
export function spawnScript(script: string, args: readonly string[]): CommandResult {
  const r = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Calls a command's run function in this process, with its output kept as the process's would be. */
export function callCommand(run: (output: CliOutput) => number): CommandResult {
  const output = bufferedOutput();
  const status = run(output);
  return { status, stdout: output.stdout, stderr: output.stderr };
}
