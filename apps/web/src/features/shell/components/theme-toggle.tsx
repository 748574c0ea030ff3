import { Icon } from '../../../components/icon';
import { useTheme, type ThemeChoice } from '../../../lib/theme';

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<ThemeChoice, string> = { system: 'as the system', light: 'light', dark: 'dark' };
const ICON = { system: 'system', light: 'sun', dark: 'moon' } as const;

/** Cycles the colour scheme: as the system → light → dark. The choice is kept in this browser. */
export function ThemeToggle() {
  const [choice, setChoice] = useTheme();
  return (
    <button
      type="button"
      className="icon-button theme-toggle"
      onClick={() => setChoice(NEXT[choice])}
      aria-label={`Colour scheme: ${LABEL[choice]}. Switch to ${LABEL[NEXT[choice]]}`}
      title={`Colour scheme: ${LABEL[choice]}`}
      data-testid="theme-toggle"
      data-theme-choice={choice}
    >
      <Icon name={ICON[choice]} />
    </button>
  );
}
