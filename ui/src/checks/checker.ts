/**
 * Checks while you type. Every change bumps a sequence number and (re)starts an idle timer;
 * when it fires, the texts are read and sent. A response is used only if nothing changed
 * since it was asked for; otherwise it is dropped and the texts are asked for again. One
 * request at a time, nothing on the input path but a counter and a timer.
 */
import type { Node as PmDocNode } from 'prosemirror-model';
import type { CheckInput } from '../bindings/CheckInput';
import type { CheckReport } from '../bindings/CheckReport';
import type { Backend } from '../backend/backend';
import { CAPTION_BLOCKS, textBlocks, type TextBlock } from './blocks';

export type CheckSource = {
  /** The article the texts are from (its ignored findings come back apart). */
  article?: number;
  headline: () => string;
  sapo: () => string;
  doc: () => PmDocNode;
};

/** What was checked and what came back, for placing the findings. */
export type CheckResult = {
  report: CheckReport;
  headline: string;
  sapo: string;
  doc: PmDocNode;
  blocks: TextBlock[];
  /** The figures' captions in order (figure i's at i), checked like the body. */
  captions: TextBlock[];
  /** The body was too large to check while typing (its size in positions). */
  bodySkipped: number | null;
};

export type CheckerOptions = {
  backend: Pick<Backend, 'checkDocument'>;
  source: CheckSource;
  onResult: (result: CheckResult) => void;
  onError?: (reason: unknown) => void;
  delayMs?: number;
  /** Bodies larger than this (ProseMirror size ≈ characters) are not checked while typing. */
  maxBodySize?: number;
};

export const CHECK_DELAY_MS = 400;
export const MAX_BODY_SIZE = 200_000;

export class Checker {
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight = false;
  private again = false;
  private disposed = false;

  constructor(private readonly options: CheckerOptions) {}

  /** Something changed: check again once typing pauses. */
  changed(): void {
    this.seq++;
    this.schedule(this.options.delayMs ?? CHECK_DELAY_MS);
  }

  /** Check now (settings or dictionary changed, article opened). */
  checkNow(): void {
    this.seq++;
    this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, delay);
  }

  /** Sends the current texts; resolves when the response was used or dropped. */
  async run(): Promise<void> {
    if (this.disposed) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    const seq = this.seq;
    const { source } = this.options;
    const doc = source.doc();
    const headline = source.headline();
    const sapo = source.sapo();
    const tooLarge = doc.content.size > (this.options.maxBodySize ?? MAX_BODY_SIZE);
    const blocks = tooLarge ? [] : textBlocks(doc);
    const captions = tooLarge ? [] : textBlocks(doc, CAPTION_BLOCKS);
    this.inFlight = true;
    let report: CheckReport | null = null;
    try {
      const input: CheckInput = { headline, sapo, blocks: blocks.map((b) => b.text), captions: captions.map((c) => c.text) };
      if (source.article !== undefined) input.article = source.article;
      report = await this.options.backend.checkDocument(input);
    } catch (reason) {
      if (!this.disposed) this.options.onError?.(reason);
    } finally {
      this.inFlight = false;
    }
    if (this.disposed) return;
    const stale = seq !== this.seq || source.doc() !== doc;
    if (report && !stale) {
      this.options.onResult({ report, headline, sapo, doc, blocks, captions, bodySkipped: tooLarge ? doc.content.size : null });
    } else if ((stale || this.again) && !this.timer) {
      this.schedule(0);
    }
    this.again = false;
  }

  /** True while a change waits for its check (for tests and the panel). */
  get pending(): boolean {
    return this.timer !== null || this.inFlight;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
