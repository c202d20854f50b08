/**
 * A simulated WordPress site for the in-memory Backend: users with application passwords,
 * posts that a colleague can edit, trash or file on the site, and the failures a network gives
 * (down, 5xx, a refusal). Errors carry the codes and the wording of the Rust sync crate.
 */
import type { ErrorPayload } from '../bindings/ErrorPayload';
import type { PmNode } from '../bindings/PmNode';
import { AppError } from './backend';

/** What a post holds, in the library's terms; `status` is the site's (draft, pending…). */
export type PostFields = {
  headline: string;
  sapo: string;
  section: string;
  keywords: string[];
  slug: string;
  status: string;
  body: PmNode;
};

export type MemoryPost = {
  id: number;
  link: string;
  /** Grows on every change, like WordPress's `modified_gmt`. */
  modified: number;
  fields: PostFields;
  /** In the trash, or deleted for good. */
  gone: 'trash' | 'deleted' | null;
};

export type MemorySiteUser = { password: string; name: string };

/** Failures that go away by themselves: the job is queued again. */
export const RETRYABLE: ReadonlySet<string> = new Set(['unreachable', 'remote_unavailable']);

const UNREACHABLE = 'Không kết nối được tới trang (mất mạng, sai địa chỉ hoặc trang đang tắt). Sẽ thử lại.';
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const para = (text: string): PmNode => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] });

/** A site address as Rust stores it (`clean_url`): http(s), no credentials, https to other hosts. */
export function cleanUrl(input: string, allowHttp: boolean): string {
  let url = input.trim().replace(/\/+$/, '');
  for (const suffix of ['/wp-json/wp/v2', '/wp-json']) if (url.endsWith(suffix)) url = url.slice(0, -suffix.length);
  const m = /^(https?):\/\/([^/?#]*)/i.exec(url);
  const notUrl = () => new AppError('endpoint_address', `“${url}” không phải địa chỉ trang (hãy viết dạng https://example.vn).`);
  if (!m || !m[2]) throw notUrl();
  if (m[2].includes('@')) throw new AppError('endpoint_address', 'Địa chỉ trang không được chứa tên đăng nhập hay mật khẩu.');
  const host = m[2].startsWith('[') ? m[2].slice(0, m[2].indexOf(']') + 1) : m[2].split(':')[0]!;
  const loopback = host === 'localhost' || host === '[::1]' || host.startsWith('127.');
  if (m[1]!.toLowerCase() === 'http' && !loopback && !allowHttp) {
    throw new AppError(
      'endpoint_address',
      `${url} dùng http thường tới một máy khác: mật khẩu sẽ đi qua mạng không mã hoá. Hãy dùng https, hoặc cho phép http một cách rõ ràng.`,
    );
  }
  return url;
}

export class MemorySite {
  readonly posts = new Map<number, MemoryPost>();
  /** Unreachable until set back to false. */
  down = false;
  /** The next requests fail like this, one entry a request (then the site answers again). */
  failures: ErrorPayload[] = [];
  private nextPostId = 100;

  constructor(
    readonly url: string,
    readonly users: Record<string, MemorySiteUser>,
    /** False: the address answers, but not as WordPress. */
    readonly wordpress = true,
  ) {}

  /** One request: throws what the network or the site would. */
  answer(): void {
    if (this.down) throw new AppError('unreachable', UNREACHABLE);
    const failure = this.failures.shift();
    if (failure) throw new AppError(failure.code, failure.message);
    if (!this.wordpress) {
      throw new AppError('not_wordpress', 'Địa chỉ này không có API REST của WordPress (HTTP 404). Hãy kiểm tra địa chỉ trang.');
    }
  }

  /**
   * A plain GET of the address, as a ninjs profile is checked: any HTTP answer counts (a
   * receiver that only takes POSTs answers 405), only no answer is a failure.
   */
  ping(): string {
    if (this.down) throw new AppError('unreachable', UNREACHABLE);
    return this.wordpress ? 'HTTP 200' : 'HTTP 405';
  }

  /** `GET /users/me`: the account's display name. Application passwords ignore spaces. */
  me(username: string, password: string): string {
    this.answer();
    const user = this.users[username.trim()];
    if (!user || user.password.replace(/\s+/g, '') !== password.replace(/\s+/g, '')) {
      throw new AppError('auth_failed', 'Sai tên đăng nhập hoặc mật khẩu ứng dụng (Application Password): trang không nhận tài khoản này.');
    }
    return user.name;
  }

  create(fields: PostFields): MemoryPost {
    const id = this.nextPostId++;
    const post: MemoryPost = { id, link: `${this.url}/?p=${id}`, modified: 1, fields: clone(fields), gone: null };
    this.posts.set(id, post);
    return post;
  }

  /** The post as the site has it; a trashed or deleted one is reported as gone. */
  get(id: number): MemoryPost {
    const post = this.posts.get(id);
    if (!post || post.gone === 'deleted') throw new AppError('remote_gone', 'Bài đã bị xoá trên trang. Không tạo lại tự động.');
    if (post.gone === 'trash') throw new AppError('remote_gone', 'Bài đã bị chuyển vào thùng rác trên trang. Không gửi lại tự động.');
    return post;
  }

  update(id: number, fields: PostFields): MemoryPost {
    const post = this.get(id);
    post.fields = clone(fields);
    post.modified += 1;
    return post;
  }

  /** A colleague edits the post on the site. */
  editPost(id: number, changes: Partial<PostFields>): void {
    const post = this.get(id);
    post.fields = { ...post.fields, ...clone(changes) };
    post.modified += 1;
  }

  /** A colleague files a post on the site (to be pulled for review). */
  filePost(headline: string, sapo: string, paragraphs: string[], status = 'pending'): MemoryPost {
    const body: PmNode = { type: 'doc', content: (paragraphs.length ? paragraphs : ['']).map(para) };
    return this.create({ headline, sapo, section: '', keywords: [], slug: '', status, body });
  }

  removePost(id: number, how: 'trash' | 'deleted'): void {
    this.get(id).gone = how;
  }
}
