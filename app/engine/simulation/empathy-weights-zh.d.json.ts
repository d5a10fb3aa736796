// The trained weights are data, not code: declared here so TypeScript doesn't infer a type from 400 KB of JSON.
import type { EmpathyModel } from "./empathy-model.ts";

declare const weights: EmpathyModel;
export default weights;
