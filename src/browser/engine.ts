import type { CheckView, FromWorker, ToWorker } from "./protocol";

/*
 * The page's side of the worker. The worker's code arrives on demand, in a chunk of its own (not in the page's
 * initial script), and runs from a blob: so it inherits the page's Content-Security-Policy, whose `connect-src
 * 'none'` forbids it every request, on whatever server the page is hosted.
 */

const INTERNAL = "Interner Fehler: Die Auswertung ist abgebrochen; es wurde nichts zum Herunterladen erstellt. Bitte die Seite neu laden und es noch einmal versuchen.";

export type ReviewResult = Extract<FromWorker, { type: "review" }>;

export class Engine {
  private worker: Promise<Worker> | undefined;
  private busy: Promise<unknown> = Promise.resolve();

  private start(): Promise<Worker> {
    this.worker ??= import(/* webpackChunkName: "engine" */ "fallbilanz-worker-source").then(({ default: code }) => {
      const url = URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
      const worker = new Worker(url);
      worker.addEventListener("message", () => URL.revokeObjectURL(url), { once: true });
      return worker;
    });
    return this.worker;
  }

  /**
   * Loads the worker's code and starts it while the user is still choosing a file, so that reading starts at once
   * (the chunk, its compiling and the worker's start took about 150–200 ms of every first check). A failure here
   * shows at the first request, as before.
   */
  prepare(): void {
    this.start().catch(() => undefined);
  }

  /** Sends one request and resolves with its answer; progress texts go to `onProgress` meanwhile. Requests queue. */
  private request(message: ToWorker, onProgress: (text: string) => void): Promise<FromWorker> {
    const next = this.busy.then(async () => {
      const worker = await this.start();
      return new Promise<FromWorker>((resolve, reject) => {
        const listen = (event: MessageEvent<FromWorker>): void => {
          const answer = event.data;
          if (answer.type === "progress") return onProgress(answer.text);
          worker.removeEventListener("message", listen);
          worker.removeEventListener("error", fail);
          resolve(answer);
        };
        const fail = (event: ErrorEvent): void => {
          worker.removeEventListener("message", listen);
          worker.removeEventListener("error", fail);
          console.error("Fallbilanz:", event.message);
          reject(new Error(INTERNAL));
        };
        worker.addEventListener("message", listen);
        worker.addEventListener("error", fail);
        worker.postMessage(message);
      });
    });
    this.busy = next.catch(() => undefined);
    return next;
  }

  /** Reads and checks the chosen file. Throws the German message of a file that cannot be read. */
  async check(file: File, onProgress: (text: string) => void): Promise<CheckView> {
    const answer = await this.request({ type: "read", file }, onProgress);
    if (answer.type === "checked") return answer.view;
    throw new Error(answer.type === "error" ? answer.message : INTERNAL);
  }

  /** Writes the review of a year (into memory): the workbook's bytes and the summary's text. */
  async review(year: number, suppressionThreshold: number, onProgress: (text: string) => void): Promise<ReviewResult> {
    const answer = await this.request({ type: "review", year, suppressionThreshold }, onProgress);
    if (answer.type === "review") return answer;
    throw new Error(answer.type === "error" ? answer.message : INTERNAL);
  }
}
