import { z } from 'zod';

export const organizationSettingsSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  /** IANA time zone (e.g. `Europe/Paris`): reports, "today" and due dates use it. */
  timeZone: z.string(),
  /** 0 = Sunday … 6 = Saturday. */
  weekStart: z.int().min(0).max(6),
  /** What `~1d` means, and a working day in reports. */
  workingMinutesPerDay: z.int().min(60).max(1440),
});
export type OrganizationSettings = z.infer<typeof organizationSettingsSchema>;

export const updateOrganizationRequestSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(100).optional(),
  timeZone: z.string().trim().min(1).max(100).optional(),
  weekStart: z.int('Use 0 (Sunday) to 6 (Saturday)').min(0, 'Use 0 (Sunday) to 6 (Saturday)').max(6, 'Use 0 (Sunday) to 6 (Saturday)').optional(),
  workingMinutesPerDay: z
    .int('Use a whole number of minutes')
    .min(60, 'Use between 60 and 1440 minutes')
    .max(1440, 'Use between 60 and 1440 minutes')
    .optional(),
});
export type UpdateOrganizationRequest = z.infer<typeof updateOrganizationRequestSchema>;
