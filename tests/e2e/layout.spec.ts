// Every page each role can reach, at a desktop and a phone width: nothing may scroll sideways, and axe
// finds nothing in light or dark mode. The pages are found the way a person finds them: the main
// navigation, then the first link to each kind of page from there (a module, a scenario, a graded
// attempt, a person, a team, a pairing, a 1:1…), so a new page is checked without being listed here.
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page, type Response } from "@playwright/test";
import { DEMO, signIn } from "./utils.ts";

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** Path segments that name a kind of page; any other segment is an id or a slug. */
const STATIC_SEGMENTS = new Set([
  "admin",
  "assignments",
  "attempts",
  "audit",
  "career",
  "coaching",
  "insights",
  "learn",
  "mentoring",
  "modules",
  "my",
  "new",
  "notifications",
  "pairings",
  "people",
  "practice",
  "profile",
  "promotions",
  "request",
  "reviews",
  "scenarios",
  "sessions",
  "team",
  "teams",
  "what-if",
]);

/** "/coaching/people/ck3…/timeline" and "/coaching/people/cm9…/timeline" are one kind of page. */
function pageKind(path: string): string {
  return path
    .split("/")
    .map((segment) => (segment === "" || STATIC_SEGMENTS.has(segment) ? segment : ":id"))
    .join("/");
}

/** Links a person can follow to another page: same site, not a download, not signing out. */
function isPage(path: string): boolean {
  return !/^\/(login|logout|set-password|healthz)\b/.test(path) && !/\.[a-z]+$/.test(path);
}

/** Three levels from the home page reach every kind of page (home → area → list → detail). */
const MAX_DEPTH = 3;
const MAX_PAGES = 60;

type Role = { name: string; email: string; locale: "en" | "zh-Hant" | "zh-Hans" };

// Everyone in English, and the two seeded agents who read Chinese: Chinese text must fit every layout too.
const roles: Role[] = [
  { name: "agent", email: DEMO.agent, locale: "en" },
  { name: "new hire", email: DEMO.newHire, locale: "en" },
  { name: "lead", email: DEMO.lead, locale: "en" },
  { name: "admin", email: DEMO.admin, locale: "en" },
  { name: "agent reading Traditional Chinese", email: DEMO.agentHant, locale: "zh-Hant" },
  { name: "agent reading Simplified Chinese", email: DEMO.agentHans, locale: "zh-Hans" },
];

/** The shell's own words in a language, from its message catalog. */
function navWords(locale: Role["locale"]): { menu: string; learn: string } {
  const { nav } = JSON.parse(fs.readFileSync(`locales/${locale}/common.json`, "utf8")) as { nav: { menu: string; learn: string } };
  return nav;
}

type PageCheck = (page: Page, path: string) => Promise<string[]>;

async function signedInPage(browser: Browser, email: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, email);
  // Looking must not change the seeded people other tests read: from here on anything but a GET
  // (a module's reading report, say) is answered in the browser and never reaches the server.
  await context.route("**/*", (route) =>
    route.request().method() === "GET" ? route.continue() : route.fulfill({ status: 200, contentType: "application/json", body: "{}" }),
  );
  return page;
}

/** Visits every kind of page breadth first, runs the check on each, and returns every problem found, named by page. */
async function crawl(page: Page, check: PageCheck): Promise<{ visited: string[]; problems: string[] }> {
  const seenKinds = new Set<string>();
  const visited: string[] = [];
  const problems: string[] = [];
  const queue: { path: string; depth: number }[] = [{ path: "/", depth: 0 }];
  const missingStylesheets: string[] = [];
  // A page measured without its stylesheets would fail for the wrong reason: say so instead.
  const noteMissingStylesheet = (response: Response) => {
    if (response.request().resourceType() === "stylesheet" && !response.ok()) {
      missingStylesheets.push(
        `${new URL(page.url()).pathname}: its stylesheet ${new URL(response.url()).pathname} answered ${response.status()}`,
      );
    }
  };
  page.on("response", noteMissingStylesheet);

  seenKinds.add(pageKind("/"));
  while (queue.length > 0 && visited.length < MAX_PAGES) {
    const { path, depth } = queue.shift()!;
    const response = await page.goto(path);
    visited.push(path);
    if (!response?.ok()) {
      problems.push(`${path}: answered ${response?.status() ?? "nothing"}`);
      continue;
    }
    problems.push(...missingStylesheets.splice(0), ...(await check(page, path)).map((problem) => `${path}: ${problem}`));
    if (depth >= MAX_DEPTH) continue;
    // The main navigation (including the phone menu's copy, closed or not) and the page's own links.
    const hrefs = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLAnchorElement>("header a[href], main a[href]"))
        .filter((link) => link.origin === window.location.origin && !link.hasAttribute("download"))
        .map((link) => link.pathname),
    );
    for (const href of hrefs) {
      const kind = pageKind(href);
      if (!isPage(href) || seenKinds.has(kind)) continue;
      seenKinds.add(kind);
      queue.push({ path: href, depth: depth + 1 });
    }
  }
  page.off("response", noteMissingStylesheet);
  console.log(`${visited.length} pages: ${visited.join(" ")}`);
  return { visited, problems };
}

/** Fails a page wider than the window, naming the innermost elements that stick out so the fix is easy to find. */
async function horizontalOverflow(page: Page): Promise<string[]> {
  const overflow = await page.evaluate(() => {
    const { scrollWidth } = document.documentElement;
    if (scrollWidth <= window.innerWidth) return null;
    const describe = (element: Element) => element.tagName.toLowerCase() + Array.from(element.classList, (name) => `.${name}`).join("");
    const sticksOut = (element: Element) => element.getBoundingClientRect().right > window.innerWidth + 1;
    // What scrolls inside its own box (a wide table) is fine; what widens the page is not.
    const insideScrollBox = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== "visible") return true;
      }
      return false;
    };
    const sticking = Array.from(document.body.querySelectorAll("*")).filter(
      (element) => sticksOut(element) && !insideScrollBox(element) && !Array.from(element.children).some(sticksOut),
    );
    return { scrollWidth, innerWidth: window.innerWidth, culprits: sticking.slice(0, 3).map(describe) };
  });
  return overflow
    ? [
        `scrolls sideways (${overflow.scrollWidth} px wide in a ${overflow.innerWidth} px window; sticking out: ${overflow.culprits.join(", ")})`,
      ]
    : [];
}

/**
 * Text cut off inside its own box: an element that hides overflow and holds more than it shows.
 * Chinese runs without spaces, so a label that fits in English can be clipped in Chinese.
 */
async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.body.querySelectorAll<HTMLElement>("*"))
      .filter((element) => {
        const style = getComputedStyle(element);
        if (!["hidden", "clip"].includes(style.overflowX) && !["hidden", "clip"].includes(style.overflowY)) return false;
        // Visually hidden text for screen readers is clipped on purpose.
        if (element.clientWidth <= 1 || element.clientHeight <= 1) return false;
        const hasText = Array.from(element.childNodes).some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim());
        return hasText && (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1);
      })
      .slice(0, 3)
      .map(
        (element) =>
          `cuts off "${element.textContent?.trim().slice(0, 40)}" in ${element.tagName.toLowerCase()}.${Array.from(element.classList).join(".")}`,
      ),
  );
}

// Only these rules can change with the colour scheme; the dark scan skips the rest, already checked in light.
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

async function axeViolations(page: Page, scheme: "light" | "dark"): Promise<string[]> {
  await page.emulateMedia({ colorScheme: scheme });
  const axe = new AxeBuilder({ page });
  const { violations } = await (scheme === "dark" ? axe.withRules(COLOUR_RULES) : axe).analyze();
  return violations.map(
    (violation) =>
      `${scheme} mode, ${violation.id}: ${violation.help} at ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(" "))
        .join(", ")}${violation.nodes.length > 3 ? ` and ${violation.nodes.length - 3} more` : ""}`,
  );
}

for (const role of roles) {
  test.describe(`every page for the ${role.name}`, () => {
    // One signed-in context walks up to 42 pages with an axe scan each (2–6 s a page on 2 cores).
    test.describe.configure({ timeout: 600_000 });

    test(`at 1,280 px nothing scrolls sideways and axe is clean in light mode`, async ({ browser }) => {
      const page = await signedInPage(browser, role.email, DESKTOP);
      await expect(page.locator("html")).toHaveAttribute("lang", role.locale);
      const { visited, problems } = await crawl(page, async (current) => [
        ...(await horizontalOverflow(current)),
        ...(role.locale === "en" ? [] : await clippedText(current)),
        ...(await axeViolations(current, "light")),
      ]);
      expect(visited.length).toBeGreaterThan(8);
      expect(problems).toEqual([]);
    });

    // Colours do not change with the language: the dark palette is checked in English.
    if (role.locale === "en")
      test(`at 1,280 px axe is clean in dark mode`, async ({ browser }) => {
        const page = await signedInPage(browser, role.email, DESKTOP);
        await page.emulateMedia({ colorScheme: "dark" });
        const { visited, problems } = await crawl(page, async (current) => [
          ...(await horizontalOverflow(current)),
          ...(await axeViolations(current, "dark")),
        ]);
        expect(visited.length).toBeGreaterThan(8);
        expect(problems).toEqual([]);
      });

    test(`at 390 px nothing scrolls sideways and the navigation folds into a menu`, async ({ browser }) => {
      const page = await signedInPage(browser, role.email, PHONE);
      const words = navWords(role.locale);
      const menuButton = page.locator("summary", { hasText: words.menu });
      const nav = page.locator(".nav-menu").getByRole("navigation");
      await expect(nav).toBeHidden();
      await menuButton.focus();
      await page.keyboard.press("Enter");
      await expect(nav.getByRole("link", { name: words.learn })).toBeVisible();
      await nav.getByRole("link", { name: words.learn }).click();
      await expect(page).toHaveURL(/\/learn$/);
      await expect(nav).toBeHidden();
      const { visited, problems } = await crawl(page, async (current) => [
        ...(await horizontalOverflow(current)),
        ...(role.locale === "en" ? [] : await clippedText(current)),
      ]);
      expect(visited.length).toBeGreaterThan(8);
      expect(problems).toEqual([]);
    });
  });
}
