// How the customer's mood reads to a person. Apart from the customer model so
// that pages can show it without bringing the language layer into the browser.

export type MoodLabel = "upset" | "frustrated" | "neutral" | "calmer" | "happy";

export function moodLabel(mood: number): MoodLabel {
  if (mood <= -3) return "upset";
  if (mood <= -1) return "frustrated";
  if (mood <= 1) return "neutral";
  if (mood <= 3) return "calmer";
  return "happy";
}
