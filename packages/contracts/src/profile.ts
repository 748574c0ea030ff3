import { z } from 'zod';

/** 2–32 characters: lowercase letters, digits, `_`, `.`, `-`, starting with a letter or digit. */
export const HANDLE_PATTERN = /^[a-z0-9][a-z0-9_.-]{1,31}$/;

export const handleSchema = z
  .string()
  .regex(HANDLE_PATTERN, 'Use 2–32 lowercase letters, digits, ".", "_" or "-", starting with a letter or digit');

export const personNameSchema = z.string().trim().min(1, 'Enter a name').max(100);

export const updateProfileRequestSchema = z.object({
  name: personNameSchema.optional(),
  handle: handleSchema.optional(),
});
export type UpdateProfileRequest = z.infer<typeof updateProfileRequestSchema>;
