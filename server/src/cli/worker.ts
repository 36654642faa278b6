/**
 * The CLI's worker threads. Each runs the same bundle (`dist/cli.js`, which calls `runCheckWorker` when it is not
 * the main thread), builds its own index of every file from the disk (the scanner reads 10,000 reports in about
 * half a second: cheaper than cloning an index across threads) and checks the files it is handed, a batch at a
 * time, so that a thread that finishes early takes more.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { CheckSession, type FileCheck, type FolderCheckResult, type SessionInit } from './workerSession';
import type { EngineLogger } from './engine';

/** Files per message: few enough to share the work out evenly, enough for messages not to cost. */
const BATCH = 16;
/** Marks the `workerData` of a check thread, so that nothing else started from the bundle is taken for one. */
const MARK = 'incidentDocsCheckWorker';

interface WorkerInit {
  [MARK]: true;
  session: SessionInit;
  /** Folders this thread checks (the folder rules) before its first files. */
  folders: string[];
}

type ToWorker = { files: string[] } | { done: true };
type FromWorker =
  | { checked: FileCheck[] }
  | { folders: FolderCheckResult[] }
  | { log: 'error' | 'warn'; message: string };

/** Whether this thread was started as a check worker (by `checkInWorkers`). */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerInit> | null)?.[MARK] === true;
}

/** The thread side: index, check the folders, then check batches until told there are no more. */
export function runCheckWorker(): void {
  const port = parentPort;
  if (!port) return;
  const init = workerData as WorkerInit;
  const post = (message: FromWorker) => port.postMessage(message);
  const session = new CheckSession(init.session, {
    error: (message) => post({ log: 'error', message }),
    warn: (message) => post({ log: 'warn', message }),
  });
  session.indexAll();
  // Messages are handled one at a time, after the folders: a batch is checked before the next is looked at.
  let queue = (async () => {
    const folders: FolderCheckResult[] = [];
    for (const folder of init.folders) folders.push(await session.checkFolder(folder));
    post({ folders });
  })();
  port.on('message', (message: ToWorker) => {
    queue = queue.then(async () => {
      if ('done' in message) {
        port.close();
        return;
      }
      const checked: FileCheck[] = [];
      for (const file of message.files) checked.push(await session.checkFile(file));
      post({ checked });
    });
  });
}

export interface WorkerRun {
  session: SessionInit;
  /** The files to check (each is checked by one thread), and the folders (all by the first thread). */
  files: string[];
  folders: string[];
  threads: number;
  /** The bundle to start each thread from: one that calls `runCheckWorker` when `isCheckWorker()`. */
  script: string;
}

/**
 * A cap on each thread's old generation. Without one, V8 lets it grow far past what is alive (about 40 MB: the index
 * and one report at a time), since each report's parse lives long enough to be promoted: two threads over 10,000
 * reports peaked at 780 MB (366 MB with a cap of 128 MB). A thread that needs more (a huge report) runs out of memory; its files are then checked
 * again in a thread without the cap.
 */
const OLD_GENERATION_MB = 96;

/** Checks the files in `threads` worker threads; results are handed over as they come, in no particular order. */
export function checkInWorkers(run: WorkerRun, logger: EngineLogger, onFile: (check: FileCheck) => void, onFolder: (check: FolderCheckResult) => void): Promise<void> {
  const queue: string[][] = [];
  for (let at = 0; at < run.files.length; at += BATCH) queue.push(run.files.slice(at, at + BATCH));
  const threads = Math.max(1, Math.min(run.threads, queue.length));
  const workers: Worker[] = [];
  return new Promise<void>((resolve, reject) => {
    const fail = (error: Error) => {
      for (const worker of workers) void worker.terminate();
      reject(error);
    };
    let running = 0;
    const start = (folders: string[], capped: boolean) => {
      running++;
      const init: WorkerInit = { [MARK]: true, session: run.session, folders };
      const worker = new Worker(run.script, { workerData: init, ...(capped && { resourceLimits: { maxOldGenerationSizeMb: OLD_GENERATION_MB } }) });
      workers.push(worker);
      /** Batches handed to this thread and not answered yet; the folders, until answered. */
      const pending: string[][] = [];
      let foldersPending = folders.length > 0;
      const send = () => {
        const batch = queue.shift();
        if (batch) pending.push(batch);
        worker.postMessage(batch ? { files: batch } : { done: true });
      };
      worker.on('message', (message: FromWorker) => {
        if ('log' in message) logger[message.log](message.message);
        else if ('folders' in message) {
          foldersPending = false;
          message.folders.forEach(onFolder);
        } else {
          pending.shift();
          message.checked.forEach(onFile);
          send();
        }
      });
      let failed = false;
      worker.on('error', (error: Error & { code?: string }) => {
        failed = true;
        if (capped && error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          // Its unanswered files go first, to a thread without the cap.
          queue.unshift(...pending.splice(0));
          start(foldersPending ? folders : [], false);
        } else fail(error);
      });
      worker.on('exit', (code) => {
        running--;
        if (!failed && code !== 0) fail(new Error(`A check thread stopped with exit code ${code}.`));
        else if (running === 0) resolve();
      });
      // Two batches ahead: the thread starts the second while its results of the first travel.
      send();
      send();
    };
    for (let i = 0; i < threads; i++) start(i === 0 ? run.folders : [], true);
  });
}
