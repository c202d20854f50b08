/**
 * The home screen's queue: who the user is (name and role, from the settings) and the
 * articles waiting for them, by group. Someone who has not said who they are starts on the
 * whole library; once they have, on their queue. The whole list stays one click away.
 */
import type { Queue } from '../bindings/Queue';
import type { UserProfile } from '../bindings/UserProfile';
import { toAppError, type AppError, type Backend } from '../backend/backend';

export type Home = 'queue' | 'all';

export class DeskQueue {
  user = $state.raw<UserProfile>({ name: '', role: 'reporter' });
  home = $state<Home>('all');
  queue = $state.raw<Queue | null>(null);
  error = $state.raw<AppError | null>(null);
  private loading: Promise<void> | null = null;
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly backend: Backend) {}

  /** At start: the settings' user, and the home that goes with it. */
  started(user: UserProfile): void {
    this.user = user;
    this.home = user.name.trim() ? 'queue' : 'all';
  }

  show(home: Home): void {
    this.home = home;
    if (home === 'queue') void this.reload();
  }

  async reload(): Promise<void> {
    if (this.home !== 'queue') return;
    const run = (async () => {
      try {
        this.queue = await this.backend.queue(this.user.role);
        this.error = null;
      } catch (reason) {
        this.error = toAppError(reason);
      }
    })();
    this.loading = run;
    await run;
    if (this.loading === run) this.loading = null;
  }

  /**
   * Cài đặt → Người dùng: a change to the name or the role, shown at once. Saves go one after
   * another, each with everything changed so far, so a quick name-then-role never ends as the
   * older of the two.
   */
  setUser(change: Partial<UserProfile>): Promise<void> {
    this.user = { ...this.user, ...change };
    const save = this.saving.then(async () => {
      try {
        await this.backend.setUser(this.user);
        this.error = null;
      } catch (reason) {
        this.error = toAppError(reason);
      }
    });
    this.saving = save;
    return save.then(() => this.reload());
  }
}
