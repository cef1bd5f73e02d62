import { ReadProgress } from "../port/workbookPort";
import { readingProgress } from "../core/report/wording";

/** Progress on stderr, only on a terminal: one line, rewritten in place. */
export function terminalProgress(stream: NodeJS.WriteStream): { read: ReadProgress | undefined; say: (text: string) => void; done: () => void } {
  if (!stream.isTTY) return { read: undefined, say: () => undefined, done: () => undefined };
  let shown = false;
  const say = (text: string): void => {
    stream.write(`\r\u001b[K${text}`);
    shown = true;
  };
  return {
    read: (sheet, rows) => say(readingProgress(sheet, rows)),
    say,
    done: () => {
      if (shown) stream.write("\r\u001b[K");
    },
  };
}
