import { BUILT_IN_LABEL, type BuiltIn } from '../list-filters';

const TABS: (BuiltIn | undefined)[] = [undefined, 'my-work', 'due-soon', 'overdue'];

/** The built-in lists: everything, my work, due soon, overdue. */
export function BuiltInTabs({ current, onChange }: { current?: BuiltIn; onChange: (builtIn?: BuiltIn) => void }) {
  return (
    <div className="segmented" role="group" aria-label="Built-in lists">
      {TABS.map((tab) => (
        <button
          key={tab ?? 'all'}
          type="button"
          className="segmented__option"
          aria-pressed={current === tab}
          onClick={() => onChange(tab)}
        >
          {tab ? BUILT_IN_LABEL[tab] : 'All'}
        </button>
      ))}
    </div>
  );
}
