import type { PendingActivity } from '@rytask/db';
import { describe, expect, it } from 'vitest';
import { namedUsers, notificationsForActivity } from './notifications';

const ann = '11111111-1111-4111-8111-111111111111';
const bob = '22222222-2222-4222-8222-222222222222';
const cat = '33333333-3333-4333-8333-333333333333';
const item = '44444444-4444-4444-8444-444444444444';
const comment = '55555555-5555-4555-8555-555555555555';

const activity = (field: string, newValue: unknown, extra: Partial<PendingActivity> = {}): PendingActivity => ({
  id: 7, organizationId: 'org', itemId: item, actorId: ann, field, newValue, commentId: null, commentExists: false, itemAssigneeId: null, ...extra,
});
const everyone = { watchers: [ann, bob, cat], activeMembers: new Set([ann, bob, cat]) };
const who = (events: ReturnType<typeof notificationsForActivity>) => events.map((e) => [e.userId, e.kind]);

describe('notification rules', () => {
  it('reads the assignee from the shapes activity rows use', () => {
    for (const value of [bob, { id: bob, name: 'Bob' }]) {
      expect(who(notificationsForActivity(activity('assignee', value), everyone))).toEqual([[bob, 'assigned']]);
    }
    for (const value of [{ assigneeId: bob }, { assignee: bob }, { assignee: { id: bob } }]) {
      expect(who(notificationsForActivity(activity('created', value), everyone))).toEqual([[bob, 'assigned']]);
    }
    for (const value of [null, 'not-a-uuid', 42, { id: 7 }, [], { key: 'OPS-1', title: 'x' }]) {
      expect(notificationsForActivity(activity('assignee', value), everyone)).toEqual([]);
      expect(notificationsForActivity(activity('created', value), everyone)).toEqual([]);
    }
  });

  it('takes the item’s assignee for a created row that names none, and none when it names null', () => {
    expect(who(notificationsForActivity(activity('created', { key: 'OPS-1', title: 'x' }, { itemAssigneeId: cat }), everyone))).toEqual([[cat, 'assigned']]);
    expect(notificationsForActivity(activity('created', { assigneeId: null }, { itemAssigneeId: cat }), everyone)).toEqual([]);
    expect(notificationsForActivity(activity('created', null, { itemAssigneeId: ann }), everyone)).toEqual([]); // the creator themselves
  });

  it('tells the people an item’s description mentions, on creation and when a change newly mentions them', () => {
    // Created assigned to Bob, mentioning Bob, Cat and the author: Bob hears once (assigned), Cat is mentioned.
    expect(who(notificationsForActivity(activity('created', { assignee: { id: bob }, mentions: [bob, cat, ann] }), everyone))).toEqual([
      [bob, 'assigned'],
      [cat, 'mentioned'],
    ]);
    const changed = notificationsForActivity(activity('description_mentions', { mentions: [cat, ann] }), everyone);
    expect(who(changed)).toEqual([[cat, 'mentioned']]);
    expect(changed[0]!.commentId).toBeNull();
    // Not to people who are no longer active members, nor to the watchers as such.
    expect(notificationsForActivity(activity('description_mentions', { mentions: [cat] }), { watchers: [bob, cat], activeMembers: new Set([bob]) })).toEqual([]);
    expect(namedUsers(activity('created', { assignee: { id: bob }, mentions: [cat] }))).toEqual([bob, cat]);
    expect(namedUsers(activity('description_mentions', { mentions: [cat] }))).toEqual([cat]);
  });

  it('keys each notification by kind and item, with the activity as its event', () => {
    const [event] = notificationsForActivity(activity('assignee', bob), everyone);
    expect(event).toEqual({ organizationId: 'org', userId: bob, itemId: item, kind: 'assigned', dedupeKey: `assigned:${item}`, eventKey: '7', actorId: ann, commentId: null });
  });

  it('gives a mentioned watcher one notification, "mentioned", and never one to the actor', () => {
    const events = notificationsForActivity(activity('comment', { mentions: [bob, ann] }, { commentId: comment, commentExists: true }), everyone);
    expect(who(events)).toEqual([[bob, 'mentioned'], [cat, 'commented']]);
    expect(events.every((e) => e.commentId === comment)).toBe(true);
  });

  it('tells only newly mentioned people about an edit, and nobody about a deleted comment', () => {
    expect(who(notificationsForActivity(activity('comment_edited', { mentions: [cat] }, { commentId: comment, commentExists: true }), everyone))).toEqual([[cat, 'mentioned']]);
    expect(notificationsForActivity(activity('comment', { mentions: [bob] }, { commentId: comment, commentExists: false }), everyone)).toEqual([]);
  });

  it('leaves out people who are not active members', () => {
    const audience = { watchers: [cat], activeMembers: new Set([cat]) };
    expect(who(notificationsForActivity(activity('comment', { mentions: [bob] }, { commentExists: true }), audience))).toEqual([[cat, 'commented']]);
    expect(notificationsForActivity(activity('assignee', bob), audience)).toEqual([]);
  });

  it('notifies nobody about other fields', () => {
    for (const field of ['title', 'description', 'priority', 'labels', 'dueDate', 'deleted', 'restored']) {
      expect(notificationsForActivity(activity(field, 'x'), everyone)).toEqual([]);
      expect(namedUsers(activity(field, 'x'))).toEqual([]);
    }
  });
});
