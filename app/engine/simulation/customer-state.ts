// The simulated customer's state as stored with an attempt. Kept apart from the
// customer's behaviour so pages can read a stored state without loading the
// language model into the browser bundle.
import { z } from "zod";
import { OUTCOMES } from "~/domain/practice.ts";

export const CustomerStateSchema = z.object({
  mood: z.number(),
  patience: z.number(),
  disclosed: z.array(z.string()),
  acceptedOffer: z.string().nullable(),
  expectationsSet: z.boolean(),
  escalationDemanded: z.boolean(),
  agentTurns: z.number().int(),
  outcome: z.enum(OUTCOMES).nullable(),
  /** What the agent has said so far, sentence by sentence (signals.sentenceKey); attempts stored before this have none. */
  said: z.array(z.string()).default([]),
  /** The customer's own lines so far, so a variant is not said twice while another is unused. */
  spoken: z.array(z.string()).default([]),
});
export type CustomerState = z.infer<typeof CustomerStateSchema>;
