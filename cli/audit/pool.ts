// Worker threads for `huashu audit --jobs N`: batches go round the workers and come back in the order they were sent.
import { Worker } from 'node:worker_threads';
import type { Pack } from '../../engine/index.ts';
import type { Analysis } from './analyze.ts';
import type { AuditRole } from './formats.ts';

export interface WorkerBatch {
  id: number;
  roles: AuditRole[];
  texts: string[];
}

export interface WorkerReply {
  id: number;
  results: Analysis[];
}

/**
 * Starts one worker: the bundle's dist/audit-worker.mjs when the command runs built, the TypeScript source through
 * tsx's loader when it runs from source (the benchmark); a worker does not inherit the loader, so it registers it.
 */
function startWorker(packs: readonly Pack[] | undefined): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./audit-worker.mjs', here), { workerData: { packs } });
  const source = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => {
    register();
    return import(${JSON.stringify(new URL('./worker.ts', here).href)});
  });`;
  return new Worker(source, { eval: true, workerData: { packs } });
}

export class AnalysisPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (r: Analysis[]) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  /** Settles when every worker has built its engine. */
  readonly ready: Promise<void>;

  constructor(jobs: number, packs: readonly Pack[] | undefined) {
    const readiness: Array<Promise<void>> = [];
    this.workers = Array.from({ length: jobs }, () => {
      const worker = startWorker(packs);
      readiness.push(new Promise((resolve) => worker.once('message', () => resolve())));
      worker.on('message', (reply: WorkerReply | { ready: true }) => {
        if ('ready' in reply) return;
        const waiter = this.waiting.get(reply.id);
        this.waiting.delete(reply.id);
        waiter?.resolve(reply.results);
      });
      worker.on('error', (error) => this.failAll(error));
      return worker;
    });
    this.ready = Promise.all(readiness).then(() => undefined);
  }

  /** The analyses of one batch, in its order. */
  analyze(roles: AuditRole[], texts: string[]): Promise<Analysis[]> {
    const id = this.nextId++;
    const worker = this.workers[id % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, roles, texts } satisfies WorkerBatch);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private failAll(error: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}
