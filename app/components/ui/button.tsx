import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "danger";

export function buttonClassName(variant: Variant = "primary", size: "normal" | "small" = "normal"): string {
  return ["button", variant !== "primary" && `button--${variant}`, size === "small" && "button--small"].filter(Boolean).join(" ");
}

export function Button({
  variant = "primary",
  size = "normal",
  pending = false,
  children,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: "normal" | "small"; pending?: boolean }) {
  return (
    <button className={buttonClassName(variant, size)} disabled={pending || props.disabled} aria-busy={pending || undefined} {...props}>
      {children}
    </button>
  );
}
