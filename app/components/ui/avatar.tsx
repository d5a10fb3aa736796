/** How many avatar colours app.css defines (`.avatar--0` … `.avatar--7`). */
const AVATAR_COLOURS = 8;

/** "Alex Moreno" → "AM", "Priya" → "PR", "陳嘉欣" → "陳". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "?";
  const first = Array.from(words[0]!);
  // Chinese names are written without spaces: the family name's character stands alone.
  if (words.length === 1 && /\p{Script=Han}/u.test(first[0]!)) return first[0]!;
  if (words.length === 1) return first.slice(0, 2).join("").toUpperCase();
  return (Array.from(words[0]!)[0]! + Array.from(words[words.length - 1]!)[0]!).toUpperCase();
}

/** The same name always gets the same colour, so a person is recognisable from page to page. */
export function avatarColourOf(name: string): number {
  let hash = 0;
  for (const character of name) hash = (hash * 31 + character.codePointAt(0)!) >>> 0;
  return hash % AVATAR_COLOURS;
}

/**
 * A person's initials on a colour of their own. Beside their written name it is decoration and
 * hidden from screen readers; on its own (`standalone`) it is an image named after the person.
 */
export function Avatar({
  name,
  size = "normal",
  standalone = false,
}: {
  name: string;
  size?: "small" | "normal" | "large";
  standalone?: boolean;
}) {
  const className = ["avatar", `avatar--${avatarColourOf(name)}`, size !== "normal" && `avatar--${size}`].filter(Boolean).join(" ");
  return standalone ? (
    <span className={className} role="img" aria-label={name} title={name}>
      <span aria-hidden="true">{initialsOf(name)}</span>
    </span>
  ) : (
    <span className={className} aria-hidden="true">
      {initialsOf(name)}
    </span>
  );
}

/** An avatar followed by the person's name. */
export function PersonName({ name, size = "small" }: { name: string; size?: "small" | "normal" }) {
  return (
    <span className="person">
      <Avatar name={name} size={size} />
      <span>{name}</span>
    </span>
  );
}
