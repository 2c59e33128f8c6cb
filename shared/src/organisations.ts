import { z } from 'zod';
import { organisationType } from './enums.ts';

export const organisation = z.object({
  id: z.number().int(),
  name: z.string(),
  acronym: z.string(),
  type: organisationType,
  actionCount: z.number().int(),
});
export type Organisation = z.infer<typeof organisation>;
