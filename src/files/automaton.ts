/**
 * A matcher for the small regular language globs compile to, in time linear in the pattern and
 * the name whatever the pattern (backtracking RegExps take exponential time on `*a*a*a…b`):
 * a Thompson NFA, run as a DFA built lazily one state per new set of NFA states (RE2's way). The
 * DFA's states are cached for the next names, at most `MAX_STATES` of them: a pattern whose DFA
 * would be larger costs at most the NFA's size per character, never more.
 */

/** Which code points one step of the automaton accepts. */
export type CharTest = (codePoint: number) => boolean;

/** A pattern: a sequence of these nodes, matched against a whole name. */
export type Node =
  /** One code point that `test` accepts. */
  | { readonly kind: "char"; readonly test: CharTest }
  /** Any number (zero included) of code points that `test` accepts. */
  | { readonly kind: "repeat"; readonly test: CharTest }
  /** Either nothing, or any text ending in `/` (`**​/` in a glob). */
  | { readonly kind: "any-dirs" }
  /** One of the alternatives (`{a,b}` in a glob). */
  | { readonly kind: "either"; readonly options: readonly (readonly Node[])[] };

/** NFA states: a step over one code point, a choice of next states, or the end of a match. */
type State =
  | { readonly kind: "step"; readonly test: CharTest; next: number }
  | { readonly kind: "split"; next: number[] }
  | { readonly kind: "accept" };

/** A set of NFA states after closure: its step states, ascending, and whether it accepts. */
interface StateSet {
  readonly steps: readonly number[];
  readonly accepting: boolean;
}

interface DfaState extends StateSet {
  /** No step and not accepting: no name goes on to match. */
  readonly dead: boolean;
  /** Accepting, and every code point leads back here: every name goes on to match. */
  readonly universal: boolean;
  /** Transitions computed so far: by character code below 128, by code point above. */
  readonly ascii: (DfaState | undefined)[];
  readonly other: Map<number, DfaState>;
}

const SLASH = 0x2f;
/** Accepts every code point; a `repeat` of it is recognised, so a match can end early. */
export const ANY: CharTest = () => true;
const IS_SLASH: CharTest = (c) => c === SLASH;
/** DFA states kept per pattern before the cache starts over. */
const MAX_STATES = 4096;

/** Matches whole names against a pattern; see the module comment. */
export class Automaton {
  readonly #states: State[] = [];
  #cache = new Map<string, DfaState>();
  #start: DfaState;

  constructor(pattern: readonly Node[]) {
    const accept = this.#add({ kind: "accept" });
    this.#start = this.#dfaState(this.#closure([this.#sequence(pattern, accept)]));
  }

  /** Whether the whole of `name` matches. */
  matches(name: string): boolean {
    return this.#run(name, false);
  }

  /** Whether `path` or one of its directories (a prefix ending before a `/`) matches. */
  matchesSelfOrParent(path: string): boolean {
    return this.#run(path, true);
  }

  #run(text: string, parents: boolean): boolean {
    let state = this.#start;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      let next: DfaState | undefined;
      if (c < 128) {
        if (parents && c === SLASH && state.accepting) return true;
        next = state.ascii[c];
      } else {
        c = text.codePointAt(i)!;
        if (c > 0xffff) i++;
        next = state.other.get(c);
      }
      state = next ?? this.#step(state, c);
      if (state.dead) return false;
      if (state.universal) return true;
    }
    return state.accepting;
  }

  #add(state: State): number {
    this.#states.push(state);
    return this.#states.length - 1;
  }

  /** Compiles `nodes` so that a match of them continues at state `next`; returns the first state. */
  #sequence(nodes: readonly Node[], next: number): number {
    let start = next;
    for (let i = nodes.length - 1; i >= 0; i--) start = this.#node(nodes[i]!, start);
    return start;
  }

  #node(node: Node, next: number): number {
    switch (node.kind) {
      case "char":
        return this.#add({ kind: "step", test: node.test, next });
      case "repeat": {
        const loop = this.#add({ kind: "split", next: [] });
        const step = this.#add({ kind: "step", test: node.test, next: loop });
        (this.#states[loop] as { next: number[] }).next = [step, next];
        return loop;
      }
      case "any-dirs": {
        // (?:.*/)? : nothing, or any text then a slash.
        const loop = this.#add({ kind: "split", next: [] });
        const any = this.#add({ kind: "step", test: ANY, next: loop });
        const slash = this.#add({ kind: "step", test: IS_SLASH, next });
        (this.#states[loop] as { next: number[] }).next = [any, slash];
        return this.#add({ kind: "split", next: [next, loop] });
      }
      case "either":
        return this.#add({
          kind: "split",
          next: node.options.map((option) => this.#sequence(option, next)),
        });
    }
  }

  /** The step states reachable from `from` without consuming input, and whether one accepts. */
  #closure(from: readonly number[]): StateSet {
    const seen = new Set<number>();
    const stack = [...from];
    const steps: number[] = [];
    let accepting = false;
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      const state = this.#states[id]!;
      if (state.kind === "step") steps.push(id);
      else if (state.kind === "accept") accepting = true;
      else stack.push(...state.next);
    }
    return { steps: steps.sort((a, b) => a - b), accepting };
  }

  /** The state after `c`, computed and remembered. */
  #step(state: DfaState, c: number): DfaState {
    const targets: number[] = [];
    for (const id of state.steps) {
      const step = this.#states[id] as Extract<State, { kind: "step" }>;
      if (step.test(c)) targets.push(step.next);
    }
    const next = this.#dfaState(this.#closure(targets));
    if (c < 128) state.ascii[c] = next;
    else state.other.set(c, next);
    return next;
  }

  /** The DFA state of a set of NFA states: the cached one, or a new one. */
  #dfaState(set: StateSet): DfaState {
    const known = this.#cache.get(idOf(set));
    if (known) return known;
    if (this.#cache.size >= MAX_STATES) {
      // Start over: the states already handed out stay valid, they are just no longer shared.
      this.#cache = new Map();
      this.#start = this.#create(this.#start);
    }
    return this.#create(set);
  }

  #create({ steps, accepting }: StateSet): DfaState {
    const dead = steps.length === 0 && !accepting;
    const state = { steps, accepting, dead, universal: false, ascii: [], other: new Map() };
    state.universal = this.#isUniversal(state);
    this.#cache.set(idOf(state), state);
    return state;
  }

  #isUniversal(state: StateSet): boolean {
    if (!state.accepting) return false;
    const steps = state.steps.map((id) => this.#states[id] as Extract<State, { kind: "step" }>);
    if (!steps.every((step) => step.test === ANY)) return false;
    return idOf(this.#closure(steps.map((step) => step.next))) === idOf(state);
  }
}

function idOf(set: StateSet): string {
  return `${set.accepting ? "+" : "-"}${set.steps.join(",")}`;
}
