import type { Notification } from '@rytask/contracts';
import { useState } from 'react';
import { Link } from 'wouter';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { EmptyState } from '../../../components/empty-state';
import { Loading } from '../../../components/loading';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { messageOf } from '../../../lib/errors';
import { formatExact, formatWhen } from '../../../lib/format';
import { Avatar } from '../../items/components/item-bits';
import { useInbox, useMarkAllRead, useMarkRead } from '../api/inbox';

/** What happened, in words: "Sam mentioned you in", "OPS-4 is overdue". */
function describe(notification: Notification): { who?: string; what: string } {
  const who = notification.actor?.name ?? 'Someone';
  switch (notification.kind) {
    case 'assigned':
      return { who, what: 'assigned you' };
    case 'mentioned':
      return { who, what: 'mentioned you in' };
    case 'commented':
      return { who, what: 'commented on' };
    case 'status_changed':
      return { who, what: 'changed the status of' };
    case 'due_soon':
      return { what: 'Due soon:' };
    case 'overdue':
      return { what: 'Overdue:' };
  }
}

/** Notifications the worker delivered: newest activity first, unread ones marked. */
export function InboxPage() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const inbox = useInbox();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const notifications = inbox.data?.notifications.filter((notification) => !unreadOnly || !notification.readAt) ?? [];
  const unread = inbox.data?.unread ?? 0;

  return (
    <>
      <PageHeader
        title="Inbox"
        actions={
          unread > 0 && (
            <Button onClick={() => markAll.mutate()} pending={markAll.isPending} data-testid="mark-all-read">
              Mark all read
            </Button>
          )
        }
      >
        <p className="muted">{unread === 0 ? 'You are all caught up.' : `${unread} unread`}</p>
      </PageHeader>
      <div className="segmented" role="group" aria-label="Show">
        <button type="button" className="segmented__option" aria-pressed={!unreadOnly} onClick={() => setUnreadOnly(false)}>
          All
        </button>
        <button type="button" className="segmented__option" aria-pressed={unreadOnly} onClick={() => setUnreadOnly(true)}>
          Unread
        </button>
      </div>
      {(markRead.isError || markAll.isError) && <Alert>{messageOf(markRead.error ?? markAll.error)}</Alert>}
      {inbox.isPending ? (
        <Loading label="Loading your inbox…" />
      ) : inbox.isError ? (
        <QueryError error={inbox.error} retry={() => void inbox.refetch()} what="your inbox" />
      ) : notifications.length === 0 ? (
        <EmptyState title={unreadOnly ? 'Nothing unread' : 'Your inbox is empty'} testId="inbox-empty">
          <p>
            You hear here when someone assigns you, mentions you, or changes an item you watch, and when your items are
            due soon or overdue.
          </p>
        </EmptyState>
      ) : (
        <ol className="inbox-list" data-testid="inbox-list">
          {notifications.map((notification) => {
            const { who, what } = describe(notification);
            const isUnread = !notification.readAt;
            return (
              <li
                key={notification.id}
                className={`inbox-entry card${isUnread ? ' inbox-entry--unread' : ''}`}
                data-testid="notification"
                data-kind={notification.kind}
              >
                <span className="inbox-entry__dot" aria-label={isUnread ? 'Unread' : undefined} role={isUnread ? 'img' : undefined} />
                {notification.actor ? <Avatar person={notification.actor} size="medium" /> : <span className="avatar avatar--medium avatar--empty" aria-hidden="true" />}
                <div className="inbox-entry__text">
                  <p>
                    {who && <strong>{who} </strong>}
                    {what}{' '}
                    <Link
                      href={`/items/${notification.item.key}`}
                      onClick={() => isUnread && markRead.mutate(notification.id)}
                      className="inbox-entry__item"
                      data-nav-item
                    >
                      {notification.item.key} {notification.item.title}
                    </Link>
                    {notification.count > 1 && <span className="muted"> ({notification.count} times)</span>}
                  </p>
                  <p className="muted inbox-entry__when" title={formatExact(notification.updatedAt)}>
                    {formatWhen(notification.updatedAt)}
                  </p>
                </div>
                {isUnread && (
                  <Button
                    size="small"
                    variant="quiet"
                    onClick={() => markRead.mutate(notification.id)}
                    aria-label={`Mark “${notification.item.key}” notification read`}
                  >
                    Mark read
                  </Button>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
