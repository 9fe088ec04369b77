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
 * Where the worker's code is: beside the bundle when the command runs built (dist/audit-worker.mjs), the TypeScript
 * source through tsx when it runs from source (the benchmark).
 */
function workerEntry(): { url: URL; execArgv: string[] } {
  const here = import.meta.url;
  return here.endsWith('.ts')
    ? { url: new URL('./worker.ts', here), execArgv: ['--import', 'tsx'] }
    : { url: new URL('./audit-worker.mjs', here), execArgv: [] };
}

export class AnalysisPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (r: Analysis[]) => void; reject: (e: Error) => void }>();
  private nextId = 0;

  constructor(jobs: number, packs: readonly Pack[] | undefined) {
    const { url, execArgv } = workerEntry();
    this.workers = Array.from({ length: jobs }, () => {
      const worker = new Worker(url, { workerData: { packs }, execArgv });
      worker.on('message', (reply: WorkerReply) => {
        const waiter = this.waiting.get(reply.id);
        this.waiting.delete(reply.id);
        waiter?.resolve(reply.results);
      });
      worker.on('error', (error) => this.failAll(error));
      return worker;
    });
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
