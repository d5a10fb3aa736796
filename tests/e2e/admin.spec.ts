import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { createPerson, createTeamWithLead } from "./people.ts";
import { DEMO, expectAccessible, signIn, signOut, submitSignIn, unique } from "./utils.ts";

/** Adds a person with the admin's form and returns their one-time password link. */
async function addPerson(page: Page, { name, email, role = "Agent", team }: { name: string; email: string; role?: string; team: string }) {
  await page.goto("/admin/people/new");
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Role").selectOption({ label: role });
  await page.getByLabel("Team", { exact: true }).selectOption({ label: team });
  await page.getByRole("button", { name: "Add person" }).click();
  const link = page.getByLabel(`One-time password link for ${name}`);
  await expect(link).toBeVisible();
  return link.inputValue();
}

test("an admin adds a person, who sets a password with the one-time link and signs in", async ({ page, browser }) => {
  const id = unique();
  const name = `Robin Ellis ${id}`;
  const email = `robin.${id}@frontline.test`;
  const { lead, team } = await createTeamWithLead();
  await signIn(page, DEMO.admin);
  await expect(page.getByRole("heading", { level: 1, name: "Hello, Priya" })).toBeVisible();
  const link = await addPerson(page, { name, email, team: team.name });
  expect(link).toMatch(/\/set-password\/[\w-]{20,}$/);
  await expectAccessible(page);

  const newcomer = await browser.newContext();
  const newcomerPage = await newcomer.newPage();
  await newcomerPage.goto(link);
  await expect(newcomerPage.getByRole("heading", { name: `Welcome to Frontline, ${name}` })).toBeVisible();
  await expectAccessible(newcomerPage);
  await newcomerPage.getByLabel("New password").fill("short");
  await newcomerPage.getByLabel("Confirm password").fill("short");
  await newcomerPage.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(newcomerPage.getByText("Use at least 10 characters")).toBeVisible();
  await newcomerPage.getByLabel("New password").fill("a calm first week");
  await newcomerPage.getByLabel("Confirm password").fill("a calm first week");
  await newcomerPage.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(newcomerPage.getByRole("heading", { level: 1, name: "Welcome aboard, Robin" })).toBeVisible();
  await expect(newcomerPage.getByRole("region", { name: "Your coaching" })).toContainText(lead.name);

  // Leaving the page before the sign-out lands would cancel it and keep the session.
  await signOut(newcomerPage);
  await newcomerPage.goto(link);
  await expect(newcomerPage.getByRole("heading", { name: "This link can't be used" })).toBeVisible();
  await signIn(newcomerPage, email, "a calm first week");
  await expect(newcomerPage.getByRole("heading", { level: 1, name: "Welcome aboard, Robin" })).toBeVisible();
  await newcomer.close();

  await page.goto("/admin/audit");
  await expect(page.getByRole("link", { name: new RegExp(`Created ${name}`) })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(`${name} set a password`) })).toBeVisible();
  await expectAccessible(page);
});

test("invalid person details come back with messages and nothing typed is lost", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await expect(page.getByRole("heading", { level: 1, name: "Hello, Priya" })).toBeVisible();
  await page.goto("/admin/people/new");
  await page.getByLabel("Full name").fill("Sam Rivera");
  await page.getByLabel("Work email").fill(DEMO.agent);
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByText("Someone already uses this email address")).toBeVisible();
  await expect(page.getByLabel("Full name")).toHaveValue("Sam Rivera");
  await page.getByLabel("Full name").fill("");
  await expect(page.getByText("Enter the person's full name")).toBeVisible();
});

test("deactivating a person asks first, ends their sessions, and can be undone", async ({ page, browser }) => {
  const id = unique();
  const name = `Casey Lin ${id}`;
  const email = `casey.${id}@frontline.test`;
  const { team } = await createTeamWithLead();
  await signIn(page, DEMO.admin);
  await expect(page.getByRole("heading", { level: 1, name: "Hello, Priya" })).toBeVisible();
  const link = await addPerson(page, { name, email, team: team.name });

  const person = await browser.newContext();
  const personPage = await person.newPage();
  await personPage.goto(link);
  await personPage.getByLabel("New password").fill("steady hands all day");
  await personPage.getByLabel("Confirm password").fill("steady hands all day");
  await personPage.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(personPage.getByRole("heading", { level: 1, name: /Casey/ })).toBeVisible();

  await page.getByRole("link", { name: `Open ${name}'s page` }).click();
  await page.getByRole("link", { name: "Deactivate account…" }).click();
  await expect(page.getByRole("alertdialog", { name: `Deactivate ${name}?` })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(page.getByText("Deactivated", { exact: true })).toBeVisible();

  await personPage.reload();
  await expect(personPage).toHaveURL(/\/login$/);
  await submitSignIn(personPage, email, "steady hands all day");
  await expect(personPage.getByRole("alert")).toHaveText("That email and password don't match an active account.");

  await page.getByRole("button", { name: "Reactivate account" }).click();
  await expect(page.getByText("Active", { exact: true })).toBeVisible();
  await signIn(personPage, email, "steady hands all day");
  await expect(personPage.getByRole("heading", { level: 1, name: /Casey/ })).toBeVisible();
  await person.close();
});

test("an admin downloads a departed person's data, then erases their identity after typing their email", async ({ page }) => {
  const { team } = await createTeamWithLead();
  const leaver = await createPerson({ name: "Morgan Hale", teamId: team.id });
  await signIn(page, DEMO.admin);
  await page.goto(`/admin/people/${leaver.id}`);
  await expect(page.getByText("To erase someone who has left, deactivate their account first.")).toBeVisible();

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download their data (JSON)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`frontline-personal-data-${leaver.id}.json`);
  const exported = JSON.parse(fs.readFileSync(await download.path(), "utf8")) as { person: { email: string; name: string } };
  expect(exported.person).toMatchObject({ email: leaver.email, name: leaver.name });

  await page.getByRole("link", { name: "Deactivate account…" }).click();
  await page.getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(page.getByText("Deactivated", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Erase this person…" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Erase ${leaver.name}'s identity?` });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByLabel("Their email address").fill("not.them@frontline.test");
  await dialog.getByRole("button", { name: "Erase for good" }).click();
  await expect(dialog.getByText("That isn't this person's email address.")).toBeVisible();
  await dialog.getByLabel("Their email address").fill(leaver.email);
  await dialog.getByRole("button", { name: "Erase for good" }).click();

  await expect(page.getByRole("heading", { level: 1, name: /^Former member / })).toBeVisible();
  await expect(page.getByText(/Their identity was erased on/)).toBeVisible();
  await expect(page.getByText("Their identity was erased, so their profile can't be edited.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expect(page.getByText(leaver.email)).toHaveCount(0);
  await page.goto(`/admin/audit?targetId=${leaver.id}`);
  await expect(page.getByText(/Erased the identity of a departed person, now shown as Former member/)).toBeVisible();
  await expect(page.getByText(/Exported everything Frontline holds about Former member/)).toBeVisible();
  await expect(page.getByText(leaver.name)).toHaveCount(0);
});

test("an admin changes a person's role, level and team", async ({ page }) => {
  const id = unique();
  const name = `Morgan Blake ${id}`;
  const { team: from } = await createTeamWithLead();
  const { team: to } = await createTeamWithLead();
  await signIn(page, DEMO.admin);
  await expect(page.getByRole("heading", { level: 1, name: "Hello, Priya" })).toBeVisible();
  await addPerson(page, { name, email: `morgan.${id}@frontline.test`, team: from.name });
  await page.getByRole("link", { name: `Open ${name}'s page` }).click();
  await page.getByLabel("Level").selectOption({ label: "Agent II" });
  await page.getByLabel("Team", { exact: true }).selectOption({ label: to.name });
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.")).toBeVisible();
  const history = page.getByRole("region", { name: "History" });
  await expect(history).toContainText(`Changed ${name}'s level from Agent I to Agent II`);
  await expect(history).toContainText(`Moved ${name} from ${from.name} to ${to.name}`);
  await expectAccessible(page);
});

test("an admin creates a team, renames it, sets its lead and moves a member onto it", async ({ page }) => {
  const id = unique();
  const { team: firstTeam } = await createTeamWithLead();
  const newLead = await createPerson({ name: "Hana Novak", role: "lead" });
  await signIn(page, DEMO.admin);
  await expect(page.getByRole("heading", { level: 1, name: "Hello, Priya" })).toBeVisible();
  const personName = `Drew Park ${id}`;
  await addPerson(page, { name: personName, email: `drew.${id}@frontline.test`, team: firstTeam.name });

  await page.goto("/admin/teams");
  await expectAccessible(page);
  await page.getByLabel("Team name").fill(`Social ${id}`);
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Social ${id}` })).toBeVisible();

  await page.getByLabel("Team name").fill(`Social & Community ${id}`);
  await page.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Social & Community ${id}` })).toBeVisible();

  await page.getByLabel("Team lead").selectOption({ label: newLead.name });
  await page.getByRole("button", { name: "Set lead" }).click();
  await expect(page.getByText(`Led by ${newLead.name}`)).toBeVisible();

  await page.getByLabel("Add an agent to this team").selectOption({ label: `${personName} (${firstTeam.name})` });
  await page.getByRole("button", { name: "Add to team" }).click();
  const members = page.getByRole("table", { name: `Members of Social & Community ${id}` });
  await expect(members.getByRole("link", { name: personName })).toBeVisible();

  await members.getByLabel(`Move ${personName} to`).selectOption({ label: "No team" });
  await members.getByRole("button", { name: `Move ${personName}` }).click();
  await expect(page.getByText("No members yet")).toBeVisible();
  await expectAccessible(page);

  await page.goto("/admin/audit?action=team.renamed");
  await expect(page.getByRole("link", { name: `Renamed team Social ${id} to Social & Community ${id}` })).toBeVisible();
});

test("the people list searches, filters and pages", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await expect(page.getByRole("heading", { level: 1, name: "Hello, Priya" })).toBeVisible();
  await page.goto("/admin/people");
  await expect(page.getByRole("navigation", { name: "People pages" })).toContainText("Page 1 of");
  await expectAccessible(page);
  await page.getByRole("searchbox", { name: "Search" }).fill("okafor");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("table", { name: "People" }).getByRole("link")).toHaveText(["Daniel Okafor"]);
  await page.goto("/admin/people?q=zzzz-nobody");
  await expect(page.getByRole("heading", { name: "No one matches these filters" })).toBeVisible();
});
