// Switching language, from the header on any page. Signed-in people keep the
// choice on their profile; visitors in a cookie. A script-driven switch gets
// data back and stays on the page (so a half-filled form keeps its content);
// the plain form, without JavaScript, comes back to the page it was sent from.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { localeCookieHeader } from "~/i18n/locale-cookie.server.ts";
import { LOCALES } from "~/i18n/locales.ts";
import { message } from "~/i18n/message.ts";
import { setOwnLocale } from "~/models/user.server.ts";
import { getOptionalUser } from "~/utils/auth.server.ts";
import { readFormData } from "~/utils/request.server.ts";
import { safeRedirect } from "~/utils/safe-redirect.ts";

const LanguageSchema = z.object({
  locale: z.enum(LOCALES, { errorMap: () => ({ message: message("validation:chooseLanguage") }) }),
  redirectTo: z.string().max(2000).optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const parsed = LanguageSchema.safeParse({ locale: formData.get("locale"), redirectTo: formData.get("redirectTo") ?? undefined });
  if (!parsed.success) return Response.json({ errors: parsed.error.flatten().fieldErrors }, { status: 400 });
  const { locale, redirectTo } = parsed.data;
  const user = await getOptionalUser(request);
  const headers = new Headers();
  if (user) await setOwnLocale(user.id, locale);
  else headers.append("Set-Cookie", await localeCookieHeader(locale));
  if (redirectTo !== undefined) return redirect(safeRedirect(redirectTo), { headers });
  return Response.json({ locale }, { headers });
}

export function loader() {
  throw new Response("Not found", { status: 404 });
}
