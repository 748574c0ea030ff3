import { useId, useState } from 'react';
import { messageOf } from '../lib/errors';
import { useToast } from './toast';

type RenameFieldProps = {
  /** The saved name. */
  saved: string;
  /** Accessible name of the field, e.g. "Name of Done". */
  label: string;
  /** What to say when the field is left empty, e.g. "Name the status". */
  emptyMessage: string;
  maxLength: number;
  className: string;
  rename: (name: string) => Promise<unknown>;
};

/**
 * An inline name: saved when the field is left or Enter is pressed, Escape puts the saved name back,
 * and a refused name shows the server's reason under the field.
 */
export function RenameField({ saved, label, emptyMessage, maxLength, className, rename }: RenameFieldProps) {
  const [name, setName] = useState(saved);
  const [problem, setProblem] = useState<string>();
  const toast = useToast();
  const id = useId();

  // The saved name changed elsewhere (another tab, a refresh): show it.
  const [seen, setSeen] = useState(saved);
  if (seen !== saved) {
    setSeen(saved);
    setName(saved);
  }

  async function save() {
    const trimmed = name.trim();
    if (trimmed === saved) return setProblem(undefined);
    if (!trimmed) return setProblem(emptyMessage);
    try {
      await rename(trimmed);
      setProblem(undefined);
      toast.show(`Renamed “${saved}” to “${trimmed}”.`, 'success');
    } catch (error) {
      setProblem(messageOf(error));
    }
  }

  return (
    <div className={[className, problem && 'field--invalid'].filter(Boolean).join(' ')}>
      <input
        className="field__input"
        aria-label={label}
        value={name}
        maxLength={maxLength}
        onChange={(event) => setName(event.target.value)}
        onBlur={() => void save()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void save();
          } else if (event.key === 'Escape') {
            setName(saved);
            setProblem(undefined);
          }
        }}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
      />
      {problem && (
        <p className="field__error" id={`${id}-error`}>
          {problem}
        </p>
      )}
    </div>
  );
}
