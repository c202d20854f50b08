/**
 * The in-memory `mergeEdit`, as Rust's `merge_edit`: an editor's edit (`local`) and the article
 * stored meanwhile, both made from `base`, merged field by field and the body block by block
 * (diff3 over each top-level node's JSON); what both changed differently is a conflict, filled
 * with the editor's side unless `choices` (one per conflict, in order) say otherwise.
 */
import type { Article } from '../bindings/Article';
import type { ConflictHunk } from '../bindings/ConflictHunk';
import type { ConflictSide } from '../bindings/ConflictSide';
import type { EditMerge } from '../bindings/EditMerge';
import type { PmNode } from '../bindings/PmNode';
import { pmText } from '../text/pm-text';

/** JSON with object keys sorted: equal nodes give equal text, whatever built them. */
function key(value: unknown): string {
  return JSON.stringify(value, (_name, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** For each element of `base`, the index of its partner in `other` along a longest common subsequence. */
function matching(base: string[], other: string[]): Array<number | null> {
  const [n, m] = [base.length, other.length];
  const table = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) table[i]![j] = base[i] === other[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const out: Array<number | null> = base.map(() => null);
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (base[i] === other[j]) out[i++] = j++;
    else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return out;
}

/** One field, as Rust's `merge_value`: the side that changed it wins; null when both changed it differently. */
export function mergeValue<T>(base: T, local: T, remote: T): { value: T } | null {
  if (key(local) === key(remote) || key(remote) === key(base)) return { value: local };
  if (key(local) === key(base)) return { value: remote };
  return null;
}

type Chunk = { merged: string[] } | { base: string[]; local: string[]; remote: string[] };
const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** diff3 (Khanna, Kunal & Pierce): stable runs, and the stretches between them by who changed them. */
export function merge3(base: string[], local: string[], remote: string[]): Chunk[] {
  const [toLocal, toRemote] = [matching(base, local), matching(base, remote)];
  const chunks: Chunk[] = [];
  let [o, a, b] = [0, 0, 0];
  for (;;) {
    let run = 0;
    while (o + run < base.length && toLocal[o + run] === a + run && toRemote[o + run] === b + run) run++;
    if (run > 0) {
      chunks.push({ merged: base.slice(o, o + run) });
      [o, a, b] = [o + run, a + run, b + run];
      continue;
    }
    // The next base element kept by both sides closes the unstable stretch.
    let [j, k, m] = [base.length, local.length, remote.length];
    for (let i = o; i < base.length; i++) {
      if (toLocal[i] != null && toRemote[i] != null) {
        [j, k, m] = [i, toLocal[i]!, toRemote[i]!];
        break;
      }
    }
    if (j === o && k === a && m === b) return chunks;
    const [cb, cl, cr] = [base.slice(o, j), local.slice(a, k), remote.slice(b, m)];
    if (same(cl, cr) || same(cr, cb)) chunks.push({ merged: cl });
    else if (same(cl, cb)) chunks.push({ merged: cr });
    else chunks.push({ base: cb, local: cl, remote: cr });
    [o, a, b] = [j, k, m];
  }
}

export function mergeArticles(base: Article, local: Article, stored: Article, choices: ConflictSide[] | null): EditMerge {
  const conflicts: ConflictHunk[] = [];
  const take = (hunk: ConflictHunk): ConflictSide => {
    conflicts.push(hunk);
    return choices?.[conflicts.length - 1] ?? 'local';
  };
  const field = <K extends keyof Article>(name: string, k: K, show: (v: Article[K]) => string = String): Article[K] => {
    const b: Article[K] = base[k];
    const l: Article[K] = local[k];
    const r: Article[K] = stored[k];
    const merged = mergeValue(b, l, r);
    if (merged) return merged.value;
    return take({ field: name, base: [show(b)], local: [show(l)], remote: [show(r)] }) === 'local' ? l : r;
  };
  const headline = field('headline', 'headline');
  const sapo = field('sapo', 'sapo');
  const section = field('section', 'section');
  const keywords = field('keywords', 'keywords', (k) => k.join(', '));
  const byline = field('byline', 'byline');
  const dateline = field('dateline', 'dateline');
  const slug = field('slug', 'slug');
  const status = field('status', 'status');
  const editor_note = field('editor_note', 'editor_note');
  const featured = field('featured', 'featured_media_id', (f) => (f ? `#${f}` : ''));
  const scheduled = field('scheduled_at', 'scheduled_at', (t) => t ?? '');

  const nodes = new Map<string, PmNode>();
  const keys = (a: Article) => (a.body.content ?? []).map((node) => {
    const k = key(node);
    if (!nodes.has(k)) nodes.set(k, node);
    return k;
  });
  const [lk, sk, bk] = [keys(local), keys(stored), keys(base)];
  const body: string[] = [];
  for (const chunk of merge3(bk, lk, sk)) {
    if ('merged' in chunk) body.push(...chunk.merged);
    else {
      const show = (ks: string[]) => ks.map((k) => pmText(nodes.get(k)!));
      const side = take({ field: 'body', base: show(chunk.base), local: show(chunk.local), remote: show(chunk.remote) });
      body.push(...(side === 'local' ? chunk.local : chunk.remote));
    }
  }
  return {
    patch: {
      base_version: stored.version,
      headline,
      sapo,
      body: { ...stored.body, content: body.map((k) => nodes.get(k)!) },
      section,
      keywords,
      byline,
      dateline,
      // A slug that follows the headline keeps following it.
      slug: slug === stored.slug && stored.slug_auto ? '' : slug,
      status,
      editor_note,
      featured_media_id: featured ?? 0,
      scheduled_at: scheduled ?? '',
    },
    conflicts,
  };
}
