/**
 * Whole-pool mentor matching (DESIGN §8: "admins can optimise the whole pool under capacities,
 * min-cost flow or Hungarian, not greedy"). Pure: no Prisma, no I/O.
 *
 * Exact method: min-cost flow by successive shortest paths, Dijkstra with Johnson potentials and a
 * binary heap (the Hungarian algorithm generalised to capacities), on
 *
 *   mentee ─(cap 1, cost −w)→ mentor ─(cap remaining, cost 0)→ sink
 *   mentee ─(cap 1, cost 0)──────────────────────────────────→ sink   ("stay unmatched")
 *
 * with one mentee→mentor edge per ELIGIBLE pair. All edges are kept (no top-K pruning), so the
 * result is optimal over every eligible pair.
 *
 * Integer weights: w = round(score × 1000) × M + 1 with M = mentees + 1. The "+1 per pair" only
 * breaks ties between assignments of equal total score in favour of matching more mentees (at most
 * `mentees` < M pairs, so it can never outweigh 0.001 of score); maximising Σw therefore maximises
 * the total score first, then the number of mentees matched. All values stay far below 2^53.
 *
 * Why this maximises score rather than cardinality at any cost: thanks to the cost-0
 * "stay unmatched" edge every mentee always sends its one unit to the sink, so we look for the
 * minimum-cost flow that routes ALL mentees, where routing through the dummy edge costs nothing.
 * Mentees are added one at a time; each time we augment along the shortest path from the new
 * mentee to the sink (which may re-route already-assigned mentees to other mentors). After adding
 * mentees 1..k the flow is a minimum-cost flow for that sub-pool (no negative residual cycles is
 * preserved by shortest-path augmentation), so after the last mentee it is the maximum-score
 * assignment. A mentee whose shortest path is the dummy edge stays unmatched; the ×M+1 weights
 * make any eligible pair strictly better than staying unmatched unless it would cost score.
 * Potentials start as exact DAG shortest distances, so reduced costs are never negative.
 */
import { pairTotal } from "./score.ts";
import type { Mentee, Mentor } from "./types.ts";

export interface PoolPair {
  menteeId: string;
  mentorId: string;
  score: number;
}

export interface PoolResult {
  pairs: PoolPair[];
  total: number;
  unmatched: string[];
}

/** Remaining places a mentor can take (capacity − active mentees, never negative). */
export function remainingCapacity(mentor: Mentor): number {
  return Math.max(0, Math.floor(mentor.capacity) - Math.floor(mentor.activeMentees));
}

export function optimisePool(mentees: readonly Mentee[], mentors: readonly Mentor[], now: Date): PoolResult {
  const n = mentees.length;
  const m = mentors.length;
  const M = n + 1;
  const T = n + m + 1;
  const V = n + m + 2; // node 0 is unused
  const menteeNode = (i: number) => 1 + i;
  const mentorNode = (j: number) => 1 + n + j;

  // ---- collect edges (forward edges only; residual partners added when laying out CSR)
  const eFrom: number[] = [];
  const eTo: number[] = [];
  const eCap: number[] = [];
  const eCost: number[] = [];
  const eScaled: number[] = []; // round(score × 1000) for mentee→mentor edges, −1 otherwise
  const addEdge = (from: number, to: number, cap: number, cost: number, scaled: number) => {
    eFrom.push(from);
    eTo.push(to);
    eCap.push(cap);
    eCost.push(cost);
    eScaled.push(scaled);
  };

  const remaining = mentors.map(remainingCapacity);
  for (let i = 0; i < n; i++) addEdge(menteeNode(i), T, 1, 0, -1); // "stay unmatched"
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      if (remaining[j] <= 0) continue;
      const total = pairTotal(mentees[i], mentors[j], now);
      if (total === null) continue;
      const scaled = Math.round(total * 1000);
      addEdge(menteeNode(i), mentorNode(j), 1, -(scaled * M + 1), scaled);
    }
  }
  for (let j = 0; j < m; j++) if (remaining[j] > 0) addEdge(mentorNode(j), T, remaining[j], 0, -1);

  // ---- CSR layout of the residual graph: slot 2k-ish per direction, rev[] links partners
  const E = eFrom.length;
  const deg = new Int32Array(V + 1);
  for (let k = 0; k < E; k++) {
    deg[eFrom[k] + 1]++;
    deg[eTo[k] + 1]++;
  }
  for (let v = 0; v < V; v++) deg[v + 1] += deg[v];
  const start = deg; // start[v]..start[v+1]
  const fill = start.slice(0, V);
  const to = new Int32Array(2 * E);
  const cap = new Int32Array(2 * E);
  const cost = new Float64Array(2 * E);
  const rev = new Int32Array(2 * E);
  const fwdSlot = new Int32Array(E);
  for (let k = 0; k < E; k++) {
    const a = fill[eFrom[k]]++;
    const b = fill[eTo[k]]++;
    to[a] = eTo[k];
    cap[a] = eCap[k];
    cost[a] = eCost[k];
    rev[a] = b;
    to[b] = eFrom[k];
    cap[b] = 0;
    cost[b] = -eCost[k];
    rev[b] = a;
    fwdSlot[k] = a;
  }

  // ---- initial potentials: exact shortest distances on the DAG (negative costs only on
  // mentee→mentor edges), so every reduced cost starts non-negative.
  const pot = new Float64Array(V);
  let minMentor = Infinity;
  for (let j = 0; j < m; j++) {
    const v = mentorNode(j);
    let best = Infinity;
    for (let k = start[v]; k < start[v + 1]; k++) {
      // reverse slots at a mentor carry cost +w; the forward edge into it had cost −w
      if (to[k] !== T) best = Math.min(best, -cost[k]);
    }
    pot[v] = best === Infinity ? 0 : best;
    if (best !== Infinity) minMentor = Math.min(minMentor, best);
  }
  pot[T] = minMentor === Infinity ? 0 : Math.min(0, minMentor);

  // Per mentor: slot of its edge to the sink, and the reverse slots (mentor→mentee) of the mentees
  // currently assigned to it — at most `remaining` of them.
  const tSlot = new Int32Array(m).fill(-1);
  for (let k = 0; k < E; k++) if (eTo[k] === T) tSlot[eFrom[k] - 1 - n] = fwdSlot[k];
  const maxLoad = Math.max(1, ...remaining);
  const assigned = new Int32Array(m * maxLoad);
  const load = new Int32Array(m);

  // ---- Dijkstra with potentials, binary heap with lazy deletion, early exit at the sink
  const dist = new Float64Array(V);
  const prevEdge = new Int32Array(V);
  const done = new Uint8Array(V);
  const settled = new Int32Array(V);
  const heapCap = 2 * E + V + 1;
  const hKey = new Float64Array(heapCap);
  const hNode = new Int32Array(heapCap);
  let hSize = 0;
  const push = (key: number, node: number) => {
    let i = hSize++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (hKey[p] <= key) break;
      hKey[i] = hKey[p];
      hNode[i] = hNode[p];
      i = p;
    }
    hKey[i] = key;
    hNode[i] = node;
  };
  const pop = (): number => {
    const top = hNode[0];
    const key = hKey[--hSize];
    const node = hNode[hSize];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= hSize) break;
      if (c + 1 < hSize && hKey[c + 1] < hKey[c]) c++;
      if (hKey[c] >= key) break;
      hKey[i] = hKey[c];
      hNode[i] = hNode[c];
      i = c;
    }
    hKey[i] = key;
    hNode[i] = node;
    return top;
  };

  for (let i = 0; i < n; i++) {
    const src = menteeNode(i);
    dist.fill(Infinity);
    done.fill(0);
    hSize = 0;
    let nSettled = 0;
    dist[src] = 0;
    push(0, src);
    while (hSize > 0) {
      const d = hKey[0];
      const u = pop();
      if (done[u] || d > dist[u]) continue;
      done[u] = 1;
      settled[nSettled++] = u;
      if (u === T) break;
      const pu = pot[u];
      if (u > n) {
        // Mentor node: its only residual out-edges are to the sink (if places are left) and back
        // to the mentees currently assigned to it, so scan those instead of the whole block.
        const j = u - 1 - n;
        const lo = j * maxLoad;
        const hi = lo + load[j];
        for (let x = tSlot[j] >= 0 ? lo - 1 : lo; x < hi; x++) {
          const k = x < lo ? tSlot[j] : assigned[x];
          if (cap[k] <= 0) continue;
          const v = to[k];
          if (done[v]) continue;
          const nd = d + cost[k] + pu - pot[v];
          if (nd < dist[v]) {
            dist[v] = nd;
            prevEdge[v] = k;
            push(nd, v);
          }
        }
        continue;
      }
      for (let k = start[u], end = start[u + 1]; k < end; k++) {
        if (cap[k] <= 0) continue;
        const v = to[k];
        if (done[v]) continue;
        const nd = d + cost[k] + pu - pot[v];
        if (nd < dist[v]) {
          dist[v] = nd;
          prevEdge[v] = k;
          push(nd, v);
        }
      }
    }
    if (!done[T]) throw new Error("optimisePool: sink unreachable (the stay-unmatched edge guarantees a path)");
    const dT = dist[T];
    // Potential update for early exit: pot[v] += min(dist[v], d(T)) — settled nodes get their
    // distance, all others d(T); this keeps every residual reduced cost non-negative.
    for (let v = 0; v < V; v++) pot[v] += dT;
    for (let s = 0; s < nSettled; s++) {
      const v = settled[s];
      pot[v] += dist[v] - dT;
    }
    // Augment one unit from this mentee along the shortest path (to a mentor, possibly moving
    // other mentees along the way, or straight to the sink = stays unmatched).
    for (let v = T; v !== src;) {
      const k = prevEdge[v];
      const u = to[rev[k]];
      cap[k] -= 1;
      cap[rev[k]] += 1;
      if (u >= 1 && u <= n && v > n && v < T) {
        // mentee u now assigned to mentor v: the reverse slot becomes a residual edge
        const j = v - 1 - n;
        assigned[j * maxLoad + load[j]++] = rev[k];
      } else if (u > n && u < T && v >= 1 && v <= n) {
        // mentee v moved away from mentor u: drop slot k from u's list
        const j = u - 1 - n;
        const lo = j * maxLoad;
        for (let x = lo; x < lo + load[j]; x++) {
          if (assigned[x] === k) {
            assigned[x] = assigned[lo + --load[j]];
            break;
          }
        }
      }
      v = u;
    }
  }

  // ---- read the assignment off the saturated mentee→mentor edges
  const pairs: PoolPair[] = [];
  const matched = new Uint8Array(n);
  let totalScaled = 0;
  for (let k = 0; k < E; k++) {
    if (eScaled[k] < 0 || cap[fwdSlot[k]] !== 0) continue;
    const i = eFrom[k] - 1;
    const j = eTo[k] - 1 - n;
    matched[i] = 1;
    totalScaled += eScaled[k];
    pairs.push({ menteeId: mentees[i].id, mentorId: mentors[j].id, score: eScaled[k] / 1000 });
  }
  const unmatched = mentees.filter((_, i) => !matched[i]).map((x) => x.id);
  return { pairs, total: totalScaled / 1000, unmatched };
}
