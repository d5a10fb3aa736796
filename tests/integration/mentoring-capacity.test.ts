// Capacity holds when people race for a mentor's last place: the model re-checks inside the
// writing transaction, after the suggestions and the pair check were read outside it.
import { expect, test } from "vitest";
import { getMentoringContent } from "~/content/mentoring.server.ts";
import { saveMenteeRequest } from "~/models/mentee-request.server.ts";
import { saveMentorProfile } from "~/models/mentor-profile.server.ts";
import { publishPool, requestMentor } from "~/models/pairing.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { createUser } from "../factories/index.ts";
import { bodyInEnglish } from "../support/english.ts";

async function mentorWithOnePlace() {
  const mentor = await createUser({ level: "senior-agent", name: "Mira Mentor" });
  const saved = await saveMentorProfile(mentor.id, {
    capacity: 1,
    strengths: ["empathy"],
    bio: "Years on the escalations queue.",
    languages: ["English"],
    availability: "Mondays",
    timeZone: "Europe/London",
    workMode: "remote",
  });
  expect(saved.status).toBe("ok");
  return mentor;
}

async function menteeWithRequest(name: string) {
  const mentee = await createUser({ name });
  await saveMenteeRequest(mentee.id, {
    goals: "Get better at calming angry customers down.",
    targetLevel: "agent-2",
    focus: ["empathy"],
    preferences: "",
  });
  return mentee;
}

test("two mentees asking for the last place at once: one is proposed, the other refused clearly", async () => {
  const mentor = await mentorWithOnePlace();
  const [first, second] = [await menteeWithRequest("Ana First"), await menteeWithRequest("Ben Second")];
  const { measure } = await getMentoringContent();
  const outcomes = await Promise.all([first, second].map((mentee) => requestMentor(mentee, { mentorId: mentor.id, message: "" }, measure)));

  expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["ok", "refused"]);
  expect(bodyInEnglish(outcomes.find((outcome) => outcome.status === "refused"))).toMatchObject({
    reason: "Mira Mentor has just filled their last place. Choose another mentor.",
  });
  expect(await prisma.pairing.count({ where: { mentorId: mentor.id } })).toBe(1);
});

test("a pool publication racing a request for the same place writes nothing and says why", async () => {
  const mentor = await mentorWithOnePlace();
  const [asker, matched] = [await menteeWithRequest("Cai Asker"), await menteeWithRequest("Dee Matched")];
  const { measure } = await getMentoringContent();
  const admin = await createUser({ role: "admin" });
  const [request, publication] = await Promise.all([
    requestMentor(asker, { mentorId: mentor.id, message: "" }, measure),
    publishPool(admin, [{ menteeId: matched.id, mentorId: mentor.id }], measure),
  ]);

  expect([request.status, publication.status].sort()).toEqual(["ok", "refused"]);
  expect(await prisma.pairing.count({ where: { mentorId: mentor.id } })).toBe(1);
  expect(await prisma.notification.count({ where: { userId: mentor.id } })).toBe(1);
});
