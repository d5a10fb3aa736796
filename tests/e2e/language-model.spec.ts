// The organisation's own language model, end to end: a second app server configured with a local
// OpenAI-compatible server that this spec starts. The agent sees customer replies worded by the
// model, a note when the model fails, and the model's second opinion beside the automatic grade.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { expect, test } from "@playwright/test";
import {
  decidedReply,
  requestKind,
  startFakeLanguageModel,
  transcriptOf,
  type FakeLanguageModel,
  type RecordedRequest,
} from "../support/fake-language-model.ts";
import { DEMO, DEMO_PASSWORD, expectAccessible, signIn } from "./utils.ts";

const MODEL = "house-model-7b";
const SIGNATURE = "(sent from my phone)";
const EMPATHY_QUOTE = "so sorry the play kitchen arrived broken";

// One app server and one model server for the whole file.
test.describe.configure({ mode: "serial" });

let fake: FakeLanguageModel;
let server: ChildProcess;
let appUrl = "";
let databaseFile = "";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, deadline: number) {
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The app server stopped (exit code ${server.exitCode}).`);
    const healthy = await fetch(`${url}/healthz`)
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The app server did not become healthy in time.");
}

/** Words each customer reply as the engine decided it, signed; grades with one quote from the agent's first message. */
function responder(request: RecordedRequest) {
  if (requestKind(request) === "customer-words") return { content: `${decidedReply(request)} ${SIGNATURE}` };
  const agent = transcriptOf(request).find((line) => line.speaker === "Agent")!;
  return {
    content: JSON.stringify({ criteria: [{ id: "empathy.emotional-reaction", level: 2, turn: agent.turn, quote: EMPATHY_QUOTE }] }),
  };
}

test.beforeAll(async () => {
  // Starting the server migrates and seeds a new database, which takes a while on a busy machine.
  test.setTimeout(240_000);
  fake = await startFakeLanguageModel({ responder });
  const port = await freePort();
  appUrl = `http://localhost:${port}`;
  databaseFile = `tests/.e2e-data/language-model-${port}.db`;
  fs.mkdirSync("tests/.e2e-data", { recursive: true });
  server = spawn("node_modules/.bin/tsx", ["scripts/e2e-server.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `file:./${databaseFile}`,
      NODE_ENV: "production",
      LANGUAGE_MODEL_URL: fake.url,
      LANGUAGE_MODEL_API_KEY: "sk-e2e",
      LANGUAGE_MODEL_NAME: MODEL,
      LANGUAGE_MODEL_TIMEOUT_MS: "2000",
    },
    stdio: "ignore",
    detached: true,
  });
  await waitForHealth(appUrl, Date.now() + 200_000);
});

test.afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    const stopped = new Promise((resolve) => server.once("exit", resolve));
    // The server runs under tsx in its own process group: stop the whole group it started.
    process.kill(-server.pid, "SIGTERM");
    await stopped;
  }
  await fake?.close();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${databaseFile}${suffix}`, { force: true });
});

test("an agent practises with customer replies worded by the organisation's model, and reads its second opinion", async ({ page }) => {
  await signIn(page, DEMO.agent, DEMO_PASSWORD, `${appUrl}/login`);
  await page.goto(`${appUrl}/practice/scenarios/damaged-item-deadline`);
  await page.getByRole("button", { name: /^Start/ }).click();
  const conversation = page.getByRole("region", { name: "Conversation" });
  await expect(conversation).toContainText("Dana Whitfield");

  const send = async (message: string) => {
    const turns = await conversation.getByRole("listitem").count();
    await page.getByRole("textbox", { name: "Your reply" }).fill(message);
    await page.getByRole("button", { name: "Send reply" }).click();
    await expect(conversation.getByRole("listitem")).toHaveCount(turns + 2);
  };

  await send(`I'm ${EMPATHY_QUOTE} before the party. Could you send me your order number and a photo of the damage?`);
  const worded = conversation.getByRole("listitem").last();
  await expect(worded).toContainText("48213");
  await expect(worded).toContainText(SIGNATURE);
  await expect(worded).toContainText(`Worded by ${MODEL}`);
  await expectAccessible(page);

  // The next wording arrives after the app has stopped waiting: the authored reply is used, with a note.
  fake.enqueue({ content: "Far too late.", delayMs: 6_000 });
  await send("Thank you, Dana. Let me check what I can do for you.");
  const fallback = conversation.getByRole("listitem").last();
  await expect(fallback).toContainText("The organisation's language model timed out; the authored reply was used.");
  await expect(fallback).not.toContainText("Far too late.");
  await expect(fallback).not.toContainText("Worded by");
  await expect(conversation).toContainText("Let me check what I can do for you.");

  await page.getByRole("button", { name: "End the conversation" }).click();
  const report = page.getByRole("region", { name: "Your grade" });
  await expect(report).toBeVisible();
  await expect(report).toContainText(`Second opinion by ${MODEL}`);
  await report.getByText("Every criterion").click();
  const row = report.getByRole("row", { name: /^Emotional reaction/ });
  await expect(row).toContainText(`Second opinion: Strong (2/2) — “${EMPATHY_QUOTE}”`);
  await expect(row.getByRole("link", { name: `“${EMPATHY_QUOTE}”` })).toHaveAttribute("href", "#turn-1");
  await expectAccessible(page);

  expect(fake.requests.every((request) => request.authorization === "Bearer sk-e2e" && request.body.model === MODEL)).toBe(true);
  expect(fake.requests.map(requestKind)).toEqual(["customer-words", "customer-words", "second-opinion"]);
});
