/**
 * Where a command's run function prints: the console when a script runs it, a buffer when a test
 * calls it. `log` and `error` print a line (as console.log and console.error do), `write` prints text
 * as it is on stdout.
 */
export interface CliOutput {
  log(line: string): void;
  error(line: string): void;
  write(text: string): void;
}

export const consoleOutput: CliOutput = {
  log: (line) => console.log(line),
  error: (line) => console.error(line),
  write: (text) => void process.stdout.write(text),
};

/** An output that keeps what is printed, as a process's stdout and stderr would read. */
export function bufferedOutput(): CliOutput & { readonly stdout: string; readonly stderr: string } {
  let stdout = '';
  let stderr = '';
  return {
    log: (line) => void (stdout += `${line}\n`),
    error: (line) => void (stderr += `${line}\n`),
    write: (text) => void (stdout += text),
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
  };
}
