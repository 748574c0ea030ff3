import { describe, expect, it } from 'vitest';
import type { Caller } from '../session';
import { canDeleteComment, canEditComment } from './comments';
import { canDeleteSavedView, canEditSavedView } from './saved-views';

const caller = (role: Caller['role'], id = 'me') => ({ user: { id }, role }) as unknown as Caller;
const mine = { author: { id: 'me' } };
const theirs = { author: { id: 'them' } };
const gone = { author: null };

describe('who may change a comment', () => {
  it('lets only the author edit, and only while a member', () => {
    expect(canEditComment(caller('MEMBER'), mine)).toBe(true);
    expect(canEditComment(caller('VIEWER'), mine)).toBe(false);
    for (const role of ['OWNER', 'ADMIN', 'MEMBER'] as const) {
      expect(canEditComment(caller(role), theirs)).toBe(false);
      expect(canEditComment(caller(role), gone)).toBe(false);
    }
  });

  it('lets the author, an owner or an admin delete', () => {
    expect(canDeleteComment(caller('MEMBER'), mine)).toBe(true);
    expect(canDeleteComment(caller('MEMBER'), theirs)).toBe(false);
    expect(canDeleteComment(caller('ADMIN'), theirs)).toBe(true);
    expect(canDeleteComment(caller('OWNER'), gone)).toBe(true);
    expect(canDeleteComment(caller('VIEWER'), mine)).toBe(false);
  });
});

describe('who may change a saved view', () => {
  const view = (owner: string, shared: boolean) => ({ owner: { id: owner }, shared });
  it('lets only the owner edit', () => {
    expect(canEditSavedView(caller('MEMBER'), view('me', true))).toBe(true);
    expect(canEditSavedView(caller('OWNER'), view('them', true))).toBe(false);
  });

  it('lets an owner or admin delete shared views but not personal ones', () => {
    expect(canDeleteSavedView(caller('ADMIN'), view('them', true))).toBe(true);
    expect(canDeleteSavedView(caller('OWNER'), view('them', false))).toBe(false);
    expect(canDeleteSavedView(caller('MEMBER'), view('them', true))).toBe(false);
    expect(canDeleteSavedView(caller('MEMBER'), view('me', false))).toBe(true);
  });
});
