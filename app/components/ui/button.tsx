import { Link, type LinkProps } from "@remix-run/react";
import type { LucideIcon } from "lucide-react";
import type { ButtonHTMLAttributes, ReactNode } from "react";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "small" | "normal" | "large";

export function buttonClassName(variant: ButtonVariant = "primary", size: ButtonSize = "normal"): string {
  return ["button", variant !== "primary" && `button--${variant}`, size !== "normal" && `button--${size}`].filter(Boolean).join(" ");
}

/** The label with an optional leading icon; the icon is decoration, the words name the control. */
function ButtonContent({ icon: Icon, children }: { icon?: LucideIcon; children: ReactNode }) {
  return (
    <>
      {Icon ? <Icon aria-hidden="true" className="icon" /> : null}
      {children}
    </>
  );
}

export function Button({
  variant = "primary",
  size = "normal",
  pending = false,
  icon,
  children,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: ButtonSize; pending?: boolean; icon?: LucideIcon }) {
  return (
    <button className={buttonClassName(variant, size)} disabled={pending || props.disabled} aria-busy={pending || undefined} {...props}>
      <ButtonContent icon={icon}>{children}</ButtonContent>
    </button>
  );
}

/** A link that looks like a button: for calls to action that go somewhere rather than change something. */
export function ButtonLink({
  variant = "primary",
  size = "normal",
  icon,
  className,
  children,
  ...props
}: LinkProps & { variant?: ButtonVariant; size?: ButtonSize; icon?: LucideIcon }) {
  return (
    <Link className={[buttonClassName(variant, size), className].filter(Boolean).join(" ")} {...props}>
      <ButtonContent icon={icon}>{children}</ButtonContent>
    </Link>
  );
}
