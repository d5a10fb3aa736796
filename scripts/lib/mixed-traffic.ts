// A day's traffic in miniature for `npm run bench`: requests sent at a fixed rate whatever
// the server's answers take (an open loop, so a slow answer delays no later request and
// every request's own time is measured), mostly agents and a few leads.
// Each agent cycles through their home page, Learn, a module, Practice, a step in a practice
// conversation of their own (a reply, or starting a new conversation after two replies) and
// Career; after every 18 agent requests a lead opens team insights or team readiness (about
// one request in twenty).

export type MixedTrafficOptions = {
  base: string;
  /** Session cookies of the agents taking part; each practises in their own conversations. */
  agents: string[];
  lead: string;
  scenarioSlug: string;
  requestsPerSecond: number;
  seconds: number;
};

export type MixedTrafficResult = {
  requests: number;
  /** Answers with a status of 400 or more, and requests that got no answer. */
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Request counts per kind of page. */
  mix: Record<string, number>;
  /** Why requests failed: a status, or the error a request that got no answer ended with. */
  failures: Record<string, number>;
};

type Request = { kind: string; path: string; cookie: string; body?: URLSearchParams; onAnswer?: (response: Response) => void };

const REPLIES = [
  "I'm sorry about the trouble. Could you tell me your order number so I can look into it?",
  "Thank you, I can see the order. Let me check what happened with it.",
  "I understand how frustrating this is. I'm looking at the options now.",
];
/** Replies per conversation before an agent starts a new one: short of any outcome, so no reply lands on an ended conversation. */
const REPLIES_PER_CONVERSATION = 2;

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

export async function runMixedTraffic(options: MixedTrafficOptions): Promise<MixedTrafficResult> {
  const { base, agents, lead } = options;
  // Every agent starts a conversation of their own on their first practice step.
  const conversations = agents.map(() => ({ path: "", expectedIndex: 1, replies: REPLIES_PER_CONVERSATION, busy: false }));

  async function send(request: Request): Promise<Response> {
    return fetch(`${base}${request.path}`, {
      method: request.body ? "POST" : "GET",
      redirect: "manual",
      headers: {
        cookie: request.cookie,
        ...(request.body ? { Origin: base, "Content-Type": "application/x-www-form-urlencoded" } : {}),
      },
      body: request.body,
    });
  }

  /**
   * The agent's next step in practice: a reply in their conversation or, once it has had its
   * replies, starting a new one (where the answer's redirect says the new conversation is).
   */
  function practiseStep(agent: number): Request {
    const conversation = conversations[agent];
    if (conversation.replies === REPLIES_PER_CONVERSATION) {
      return {
        kind: "practice start (POST)",
        path: `/practice/scenarios/${options.scenarioSlug}`,
        cookie: agents[agent],
        body: new URLSearchParams({ intent: "start" }),
        onAnswer: (response) => {
          const location = response.headers.get("location");
          if (location) Object.assign(conversation, { path: new URL(location, base).pathname, expectedIndex: 1, replies: 0 });
        },
      };
    }
    const body = new URLSearchParams({
      intent: "reply",
      expectedIndex: String(conversation.expectedIndex),
      text: REPLIES[conversation.replies % REPLIES.length],
    });
    conversation.expectedIndex += 2;
    conversation.replies++;
    return { kind: "practice reply (POST)", path: conversation.path, cookie: agents[agent], body };
  }

  const agentPages = ["/", "/learn", "/learn/modules/how-support-works", "/practice", "reply", "/career"];
  const kindOf: Record<string, string> = {
    "/": "home",
    "/learn": "Learn",
    "/learn/modules/how-support-works": "module page",
    "/practice": "Practice",
    "/career": "Career",
  };
  const cycle = 3 * agentPages.length + 1;
  let tick = 0;
  let leadTurn = 0;

  function next(): Request {
    const position = tick % cycle;
    const agent = Math.floor(tick / cycle) % agents.length;
    tick++;
    if (position === cycle - 1) {
      leadTurn++;
      return leadTurn % 2 === 1
        ? { kind: "team insights", path: "/coaching/insights", cookie: lead }
        : { kind: "team readiness", path: "/career/team", cookie: lead };
    }
    const page = agentPages[position % agentPages.length];
    // One reply at a time per conversation; while one is on its way the agent looks at Practice instead.
    if (page === "reply" && !conversations[agent].busy) return practiseStep(agent);
    const path = page === "reply" ? "/practice" : page;
    return { kind: kindOf[path], path, cookie: agents[agent] };
  }

  const latencies: number[] = [];
  const mix: Record<string, number> = {};
  let errors = 0;
  const failures: Record<string, number> = {};
  const fail = (reason: string) => {
    errors++;
    failures[reason] = (failures[reason] ?? 0) + 1;
  };
  const inFlight: Promise<void>[] = [];
  const interval = 1000 / options.requestsPerSecond;
  const total = Math.round(options.requestsPerSecond * options.seconds);
  const start = performance.now();

  for (let index = 0; index < total; index++) {
    const due = start + index * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const request = next();
    const agent = agents.indexOf(request.cookie);
    if (request.body && agent >= 0) conversations[agent].busy = true;
    const sentAt = performance.now();
    inFlight.push(
      send(request)
        .then(async (response) => {
          await response.arrayBuffer();
          request.onAnswer?.(response);
          latencies.push(performance.now() - sentAt);
          mix[request.kind] = (mix[request.kind] ?? 0) + 1;
          if (response.status >= 400) fail(`status ${response.status}`);
        })
        .catch((error: Error) => fail(`no answer: ${(error.cause as Error | undefined)?.message ?? error.message}`))
        .finally(() => {
          if (request.body && agent >= 0) conversations[agent].busy = false;
        }),
    );
  }
  await Promise.all(inFlight);

  const sorted = latencies.sort((a, b) => a - b);
  return {
    requests: sorted.length,
    errors,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? 0,
    mix,
    failures,
  };
}
