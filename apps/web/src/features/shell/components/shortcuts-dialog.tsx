import { Dialog } from '../../../components/dialog';

const SHORTCUTS: [string[], string][] = [
  [['c'], 'New item (quick-add)'],
  [['/'], 'Search, or jump to a key like OPS-12'],
  [['j'], 'Next row or card'],
  [['k'], 'Previous row or card'],
  [['Enter'], 'Open the focused row or card'],
  [['Space'], 'On a board card: pick it up; arrows move it; Space drops it'],
  [['Esc'], 'Close a dialog, cancel an edit or a move'],
  [['?'], 'This list'],
];

/** The keyboard shortcuts, opened with `?` (none work while typing in a field). */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts" testId="shortcuts-dialog">
      <dl className="shortcuts">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={what} className="shortcuts__row">
            <dt>
              {keys.map((key) => (
                <kbd key={key} className="kbd">
                  {key}
                </kbd>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">Shortcuts are off while you type in a field.</p>
    </Dialog>
  );
}
