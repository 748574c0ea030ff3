export function pushRefusal(env: Record<string, string | undefined>): string | null;
export function assertPushAllowed(env: Record<string, string | undefined>): void;
