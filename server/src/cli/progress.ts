/**
 * The progress line of a long check, on a terminal only: written over itself, at most every `INTERVAL_MS`, and
 * cleared at the end, so that it never stays in what the terminal shows, and pipes and CI logs never see it.
 */
const INTERVAL_MS = 100;

export interface ProgressLine {
  update: (done: number, total: number) => void;
  clear: () => void;
}

export function progressLine(stream: { isTTY?: boolean; write(text: string): unknown }, now: () => number = Date.now): ProgressLine | undefined {
  if (!stream.isTTY) return undefined;
  let last = -Infinity;
  let shown = false;
  return {
    update: (done, total) => {
      const time = now();
      if (time - last < INTERVAL_MS && done < total) return;
      last = time;
      shown = true;
      stream.write(`\r\x1b[2KChecking ${done} of ${total} files (${Math.floor((done / Math.max(1, total)) * 100)} %)`);
    },
    clear: () => {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
