// A local stand-in for an organisation's language model: a real HTTP server speaking the
// OpenAI chat-completions shape. It records every request and answers from a script: a reply,
// an HTTP error (429, 500), a body that is not a completion, or any of these after a delay longer
// than the app's timeout. Used by the integration tests and, in its own process, by the end-to-end test.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type ChatRequestBody = {
  model: string;
  messages: { role: string; content: string }[];
  temperature?: number;
  max_tokens?: number;
};

export type RecordedRequest = { method: string; path: string; authorization: string | null; body: ChatRequestBody };

/** What the fake answers: the model's text, an HTTP error, or a raw body; each optionally late. */
export type FakeAnswer = ({ content: string } | { status: number; body?: string } | { raw: string }) & { delayMs?: number };

export type Responder = (request: RecordedRequest) => FakeAnswer;

/** Which of Frontline's two requests this is: wording a customer reply, or a second opinion on a grade. */
export function requestKind(request: RecordedRequest): "customer-words" | "second-opinion" {
  return request.body.messages.some((message) => message.content.includes('{"criteria":')) ? "second-opinion" : "customer-words";
}

/** The engine's decided reply quoted in a customer-words request. */
export function decidedReply(request: RecordedRequest): string {
  const user = request.body.messages.find((message) => message.role === "user")?.content ?? "";
  return /Decided reply to re-phrase: "(.*)"\n/.exec(user)?.[1] ?? "";
}

/** The numbered transcript lines of a request: [turn, speaker, text]. */
export function transcriptOf(request: RecordedRequest): { turn: number; speaker: string; text: string }[] {
  const user = request.body.messages.find((message) => message.role === "user")?.content ?? "";
  return [...user.matchAll(/^\[(\d+)\] ([^:]+): (.*)$/gm)].map((match) => ({ turn: Number(match[1]), speaker: match[2], text: match[3] }));
}

function completion(model: string, content: string) {
  return JSON.stringify({
    id: `chatcmpl-fake-${Date.now()}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  });
}

export type FakeLanguageModel = {
  /** The base URL to configure: LANGUAGE_MODEL_URL. */
  url: string;
  requests: RecordedRequest[];
  /** Answers for the next requests, in order; after them the responder answers. */
  enqueue: (...answers: FakeAnswer[]) => void;
  respondWith: (responder: Responder) => void;
  reset: () => void;
  close: () => Promise<void>;
};

const echoDecided: Responder = (request) =>
  requestKind(request) === "customer-words" ? { content: decidedReply(request) } : { content: '{"criteria":[]}' };

export async function startFakeLanguageModel({ port = 0, responder = echoDecided }: { port?: number; responder?: Responder } = {}) {
  const requests: RecordedRequest[] = [];
  let queue: FakeAnswer[] = [];
  let respond = responder;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
        res.writeHead(404, { "content-type": "application/json" }).end('{"error":{"message":"Not found"}}');
        return;
      }
      let body: ChatRequestBody;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ChatRequestBody;
      } catch {
        res.writeHead(400, { "content-type": "application/json" }).end('{"error":{"message":"Bad JSON"}}');
        return;
      }
      const request: RecordedRequest = { method: req.method, path: req.url, authorization: req.headers.authorization ?? null, body };
      requests.push(request);
      const answer = queue.shift() ?? respond(request);
      const send = () => {
        if (res.destroyed) return;
        if ("status" in answer)
          res.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body ?? '{"error":{"message":"Scripted error"}}');
        else if ("raw" in answer) res.writeHead(200, { "content-type": "application/json" }).end(answer.raw);
        else res.writeHead(200, { "content-type": "application/json" }).end(completion(body.model, answer.content));
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs).unref();
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;

  const fake: FakeLanguageModel = {
    url: `http://127.0.0.1:${bound}/v1`,
    requests,
    enqueue: (...answers) => queue.push(...answers),
    respondWith: (next) => {
      respond = next;
    },
    reset: () => {
      requests.length = 0;
      queue = [];
      respond = responder;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}
