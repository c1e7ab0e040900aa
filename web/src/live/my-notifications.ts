import { api } from '../api/http';
import { NotificationPage, PersonChange } from '../api/notification-types';
import { LiveConnection } from './live-connection';
import { UnreadCount, unreadAfter, unreadRead } from './person-changes';

export interface PersonChangeListener {
  /** A new notification or a read mark, each once, in order. */
  readonly onChange: (change: PersonChange) => void;
  /** Too much was missed to replay: read the list again at this position. */
  readonly onRefetch: (position: string) => void;
}

/**
 * The signed-in person's notifications while the app is open, whatever the page: the unread count for the header,
 * kept current from the live topic `me` (each person hears only their own), and each change passed on to the
 * notifications page while it is open. One connection for the app, opened after the count was first read.
 */
class MyNotifications {
  private actorId: string | undefined;
  private live: LiveConnection | undefined;
  private starting: Promise<void> | undefined;
  private count: UnreadCount | undefined;
  private readonly countListeners = new Set<(unread: number | undefined) => void>();
  private readonly changeListeners = new Set<PersonChangeListener>();

  /** Follows this person's notifications; a start that failed (no network) is tried again on the next call. */
  follow(actorId: string): void {
    if (actorId !== this.actorId) this.stop();
    this.actorId = actorId;
    if (this.live || this.starting) return;
    const starting = this.readCount().then((position) => {
      if (this.starting !== starting) return;
      this.starting = undefined;
      if (position !== undefined) this.listen(position);
      else window.addEventListener('online', () => this.actorId && this.follow(this.actorId), { once: true });
    });
    this.starting = starting;
  }

  /** Signed out: nothing more is heard, and the count goes. */
  stop(): void {
    this.live?.close();
    this.live = undefined;
    this.starting = undefined;
    this.actorId = undefined;
    this.setCount(undefined);
  }

  onUnread(listener: (unread: number | undefined) => void): () => void {
    this.countListeners.add(listener);
    listener(this.count?.unread);
    return () => void this.countListeners.delete(listener);
  }

  onChange(listener: PersonChangeListener): () => void {
    this.changeListeners.add(listener);
    return () => void this.changeListeners.delete(listener);
  }

  /** Marks one notification read; the count follows at once, also when the live connection is down. */
  async markRead(notificationId: string): Promise<void> {
    const { position } = await api<{ position: string | null }>(
      `/api/me/notifications/${encodeURIComponent(notificationId)}/read`,
      { method: 'POST' },
    );
    await this.readCount(position ?? undefined);
  }

  /** Marks every notification up to this position read. */
  async markAllRead(upTo: string): Promise<void> {
    const { position } = await api<{ position: string | null }>('/api/me/notifications/read', {
      method: 'POST',
      body: { upTo },
    });
    await this.readCount(position ?? undefined);
  }

  private listen(since: string): void {
    // A list read before this start may lack what came until `since`: it reads again from there.
    this.changeListeners.forEach((listener) => listener.onRefetch(since));
    this.live = new LiveConnection();
    this.live.follow('me', since, {
      onChange: ({ position, payload }) => {
        const change = payload as PersonChange;
        if (this.count) this.setCount(unreadAfter(this.count, change, position));
        this.changeListeners.forEach((listener) => listener.onChange(change));
      },
      onRefetch: (position) => {
        void this.readCount(position);
        this.changeListeners.forEach((listener) => listener.onRefetch(position));
      },
    });
  }

  /** Reads the count (reflecting at least `minPosition`); answers the position read, or nothing when it failed. */
  private async readCount(minPosition?: string): Promise<string | undefined> {
    const actorId = this.actorId;
    const query = minPosition ? `&minPosition=${minPosition}` : '';
    try {
      const page = await api<NotificationPage>(`/api/me/notifications?limit=1${query}`);
      if (this.actorId !== actorId) return undefined;
      this.setCount(unreadRead(this.count, page.unread, page.position));
      return page.position;
    } catch {
      // No network or no session now: the next page, or the network coming back, tries again.
      return undefined;
    }
  }

  private setCount(count: UnreadCount | undefined): void {
    if (count?.unread === this.count?.unread && count?.position === this.count?.position) return;
    this.count = count;
    this.countListeners.forEach((listener) => listener(count?.unread));
  }
}

export const myNotifications = new MyNotifications();
