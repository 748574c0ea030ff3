// How every command that makes a password for someone shows it (the seed's first owner, a new
// organization's owner, a reset): once, boxed, with where to sign in. Nothing else prints a password.
export function printOneTimePassword(card: { heading: string; email: string; password: string; footer: string }): void {
  console.log(['', `  ┌ ${card.heading}`, `  │ email:    ${card.email}`, `  │ password: ${card.password}`, `  └ ${card.footer}`, ''].join('\n'));
}
