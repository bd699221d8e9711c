import { SingleBar } from 'cli-progress';

/**
 * A progress bar on stderr for the command-line scripts. Logs and CI have no terminal: there it
 * prints a line every `everyMs` instead of redrawing one.
 */
export function progressBar(format: string, everyMs = 5000): SingleBar {
  return new SingleBar({
    format,
    stream: process.stderr,
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: everyMs,
  });
}
