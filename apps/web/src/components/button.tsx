import type { ButtonHTMLAttributes } from 'react';
import { Spinner } from './spinner';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'secondary' | 'quiet' | 'danger';
  size?: 'normal' | 'small';
  /** Shows a spinner and blocks clicks while an action runs; the label should say what is happening. */
  pending?: boolean;
  block?: boolean;
};

export function Button({
  variant = 'secondary',
  pending = false,
  block = false,
  size = 'normal',
  disabled,
  className,
  children,
  type = 'button',
  ...rest
}: ButtonProps) {
  const classes = ['button', `button--${variant}`, block && 'button--block', size === 'small' && 'button--small', className]
    .filter(Boolean)
    .join(' ');
  return (
    <button
      {...rest}
      type={type}
      className={classes}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
    >
      {pending && <Spinner size="small" />}
      {children}
    </button>
  );
}
