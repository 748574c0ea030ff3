import type { Comment, Item } from '@rytask/contracts';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { ServerHtml } from '../../../components/server-html';
import { useSessionContext } from '../../../app/session-context';
import { messageOf } from '../../../lib/errors';
import { formatExact, formatWhen } from '../../../lib/format';
import { useCommentMutations, useComments } from '../api/items';
import { Avatar } from './item-bits';
import { MentionTextarea } from './mention-textarea';

/** Comments, oldest first. Bodies are the server's sanitised rendering, with @mentions as links. */
export function CommentThread({ item }: { item: Item }) {
  const { canEdit, session } = useSessionContext();
  const comments = useComments(item.id);
  const mutations = useCommentMutations(item.id);
  const [draft, setDraft] = useState('');

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!draft.trim()) return;
    try {
      await mutations.add.mutateAsync(draft);
      setDraft('');
    } catch {
      // Shown from the mutation's state below.
    }
  }

  return (
    <section className="item-section" aria-labelledby="comments-heading" data-testid="comments">
      <div className="item-section__header">
        <h2 className="item-section__title" id="comments-heading">
          Comments
        </h2>
        {comments.data && comments.data.length > 0 && <span className="muted">{comments.data.length}</span>}
      </div>
      {comments.isError && <Alert>Could not load the comments. {messageOf(comments.error)}</Alert>}
      {comments.data?.length === 0 && <p className="muted">No comments yet.</p>}
      <ol className="comment-list">
        {comments.data?.map((comment) => (
          <CommentEntry
            key={comment.id}
            comment={comment}
            own={canEdit && comment.author?.id === session.user.id}
            mutations={mutations}
          />
        ))}
      </ol>
      {canEdit && !item.deletedAt && (
        <form className="comment-composer" onSubmit={submit}>
          <MentionTextarea
            label="Write a comment"
            value={draft}
            onChange={setDraft}
            onSubmit={() => void submit()}
            placeholder="Write a comment… Type @ to mention someone."
            testId="comment-input"
          />
          {mutations.add.isError && <Alert>{messageOf(mutations.add.error)}</Alert>}
          <div className="form__actions">
            <Button type="submit" variant="primary" size="small" pending={mutations.add.isPending} disabled={!draft.trim()}>
              Comment
            </Button>
            <span className="muted description-editor__hint">Markdown · Ctrl+Enter sends</span>
          </div>
        </form>
      )}
    </section>
  );
}

type EntryProps = { comment: Comment; own: boolean; mutations: ReturnType<typeof useCommentMutations> };

function CommentEntry({ comment, own, mutations }: EntryProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(comment.body);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string>();

  async function saveEdit() {
    if (!draft.trim()) return setProblem('Write something, or delete the comment instead');
    try {
      if (draft !== comment.body) await mutations.edit.mutateAsync({ id: comment.id, body: draft });
      setEditing(false);
      setProblem(undefined);
    } catch (error) {
      setProblem(messageOf(error));
    }
  }

  async function remove() {
    try {
      await mutations.remove.mutateAsync(comment.id);
    } catch (error) {
      setProblem(messageOf(error));
      setConfirming(false);
    }
  }

  return (
    <li className="comment" data-testid="comment">
      <Avatar person={comment.author} size="medium" />
      <div className="comment__body">
        <div className="comment__header">
          <strong>{comment.author?.name ?? 'Former member'}</strong>
          <span className="muted" title={formatExact(comment.createdAt)}>
            {formatWhen(comment.createdAt)}
          </span>
          {comment.editedAt && (
            <span className="muted comment__edited" title={`Edited ${formatExact(comment.editedAt)}`}>
              (edited)
            </span>
          )}
          {own && !editing && (
            <span className="comment__actions">
              <button type="button" className="link-button" onClick={() => { setDraft(comment.body); setEditing(true); }}>
                Edit
              </button>
              {confirming ? (
                <>
                  <span className="muted">Delete this comment?</span>
                  <button type="button" className="link-button link-button--danger" onClick={() => void remove()}>
                    Yes, delete
                  </button>
                  <button type="button" className="link-button" onClick={() => setConfirming(false)}>
                    Keep it
                  </button>
                </>
              ) : (
                <button type="button" className="link-button" onClick={() => setConfirming(true)}>
                  Delete
                </button>
              )}
            </span>
          )}
        </div>
        {editing ? (
          <div className="comment__editor">
            <MentionTextarea label="Edit comment" value={draft} onChange={setDraft} onSubmit={() => void saveEdit()} autoFocus />
            <div className="form__actions">
              <Button variant="primary" size="small" onClick={() => void saveEdit()} pending={mutations.edit.isPending}>
                Save
              </Button>
              <Button size="small" onClick={() => setEditing(false)}>
                Cancel
              </Button>
            </div>
          </div>
        ) : (
          <ServerHtml html={comment.bodyHtml} />
        )}
        {problem && <p className="field__error">{problem}</p>}
      </div>
    </li>
  );
}
