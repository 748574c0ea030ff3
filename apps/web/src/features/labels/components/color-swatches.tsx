import { colorName, LABEL_COLORS, type LabelColor } from '../api/labels';

type ColorSwatchesProps = {
  /** Names the radio group for screen readers, e.g. "Colour of bug". */
  legend: string;
  name: string;
  value: LabelColor;
  onChange: (color: LabelColor) => void;
  disabled?: boolean;
};

/** The label palette as a radio group: arrow keys move between colours, as in any radio group. */
export function ColorSwatches({ legend, name, value, onChange, disabled }: ColorSwatchesProps) {
  return (
    <fieldset className="swatches" disabled={disabled}>
      <legend className="visually-hidden">{legend}</legend>
      {LABEL_COLORS.map((color) => (
        <label key={color} className={`swatch label-chip--${color}`} title={colorName(color)}>
          <input
            type="radio"
            className="visually-hidden"
            name={name}
            value={color}
            checked={value === color}
            onChange={() => onChange(color)}
          />
          <span className="swatch__dot" aria-hidden="true" />
          <span className="visually-hidden">{colorName(color)}</span>
        </label>
      ))}
    </fieldset>
  );
}
