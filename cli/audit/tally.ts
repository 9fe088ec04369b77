// The audit's figures, gathered message by message in memory that does not grow with the export: per agent, per
// category, per scenario, response times in log-scale histograms, and a capped sample of findings with their context.
import { worstSeverity, type ChecklistReader, type ChecklistTurn } from '../../engine/index.ts';
import type { Analysis, SentFinding } from './analyze.ts';
import type { AuditMessage, AuditRole } from './formats.ts';

/** Conversations kept open at once; a conversation quiet for this many others is closed (exports group them). */
const OPEN_CONVERSATIONS = 10_000;
/** Findings kept for the drill-down, each with its context; the rest are counted only. */
const KEPT_FINDINGS = 1_000;
/** Messages before a finding shown as its context, each cut to CONTEXT_CHARS. */
const CONTEXT_MESSAGES = 3;
const CONTEXT_CHARS = 500;
/** Turns of one conversation the checklist reads; past this a conversation is scored on its beginning. */
const CHECKLIST_TURNS = 400;

/**
 * Durations in seconds, counted in buckets 10 % apart (from 1 s to about a year), so a median is read within 10 %
 * from 200 numbers whatever the count.
 */
class DurationHistogram {
  private static readonly RATIO = 1.1;
  private readonly counts = new Float64Array(220);
  count = 0;
  private sum = 0;
  private min = Infinity;
  private max = -Infinity;

  add(seconds: number): void {
    const s = Math.max(0, seconds);
    const bucket =
      s < 1 ? 0 : Math.min(this.counts.length - 1, 1 + Math.floor(Math.log(s) / Math.log(DurationHistogram.RATIO)));
    this.counts[bucket]!++;
    this.count++;
    this.sum += s;
    this.min = Math.min(this.min, s);
    this.max = Math.max(this.max, s);
  }

  /** The q-quantile (0.5 for the median), as the middle of its bucket; undefined without data. */
  quantile(q: number): number | undefined {
    if (this.count === 0) return undefined;
    const rank = q * (this.count - 1);
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i]!;
      // Never outside what was seen: one reply of 60 s has a median of 60 s, not its bucket's middle.
      if (seen > rank)
        return Math.min(this.max, Math.max(this.min, i === 0 ? 0.5 : Math.pow(DurationHistogram.RATIO, i - 0.5)));
    }
    return undefined;
  }

  mean(): number | undefined {
    return this.count === 0 ? undefined : this.sum / this.count;
  }
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export interface AgentTally {
  agent: string;
  conversations: number;
  replies: number;
  findings: SeverityCounts;
  categories: Map<string, number>;
  firstReply: DurationHistogram;
  reply: DurationHistogram;
  /** Conversation checklist scores of the conversations the agent replied in: how many, their sum, how many passed. */
  checklist: { scored: number; sum: number; passed: number };
}

interface ContextLine {
  role: AuditRole;
  agent: string;
  time: number;
  text: string;
}

/** One finding for the drill-down: where it is, what it is, and the conversation around it. */
export interface KeptFinding extends SentFinding {
  file: string;
  line: number;
  conversation: string;
  agent: string;
  time: number;
  /** The message the agent sent, cut to CONTEXT_CHARS (only findings inside that part are kept). */
  text: string;
  before: ContextLine[];
}

interface OpenConversation {
  firstCustomer?: number;
  /** The earliest customer message no agent has answered yet. */
  waitingSince?: number;
  replied: boolean;
  agents: Set<string>;
  scenarios: Set<string>;
  recent: ContextLine[];
  /** What the checklist reads: scenarios, the items a reply says, its worst finding, and the times. */
  turns: ChecklistTurn[];
}

const cut = (text: string): string => (text.length > CONTEXT_CHARS ? `${text.slice(0, CONTEXT_CHARS)}…` : text);
const emptySeverities = (): SeverityCounts => ({ error: 0, warning: 0, info: 0 });

export class AuditTally {
  conversations = 0;
  readonly messages: Record<AuditRole, number> = { customer: 0, agent: 0, system: 0, note: 0 };
  readonly findings = emptySeverities();
  readonly agents = new Map<string, AgentTally>();
  readonly categories = new Map<string, SeverityCounts>();
  readonly scenarios = new Map<string, { messages: number; conversations: number }>();
  readonly kept: KeptFinding[] = [];
  badLines = 0;
  private readonly open = new Map<string, OpenConversation>();

  /**
   * `readChecklist`: the packs' conversation checklist, scored when a conversation closes (absent: not scored), and
   * `checklistPassScore` its pass line.
   */
  constructor(
    private readonly readChecklist?: ChecklistReader,
    readonly checklistPassScore = 80,
  ) {}

  /** Counts one message with what the engine said of it, in the export's order. */
  add(message: AuditMessage, analysis: Analysis, file: string, line: number): void {
    this.messages[message.role]++;
    const conversation = this.conversation(message.conversation);
    if (message.role === 'customer') {
      conversation.firstCustomer ??= message.time;
      conversation.waitingSince ??= message.time;
      if (analysis.scenario !== undefined) {
        const row = this.scenarios.get(analysis.scenario) ?? { messages: 0, conversations: 0 };
        row.messages++;
        if (!conversation.scenarios.has(analysis.scenario)) {
          conversation.scenarios.add(analysis.scenario);
          row.conversations++;
        }
        this.scenarios.set(analysis.scenario, row);
      }
    } else if (message.role === 'agent') {
      const agent = this.agent(message.agent);
      agent.replies++;
      if (!conversation.agents.has(message.agent)) {
        conversation.agents.add(message.agent);
        agent.conversations++;
      }
      // Times run backwards only in a broken export; such a pair is not a response time.
      if (
        !conversation.replied &&
        conversation.firstCustomer !== undefined &&
        message.time >= conversation.firstCustomer
      )
        agent.firstReply.add((message.time - conversation.firstCustomer) / 1000);
      if (conversation.waitingSince !== undefined && message.time >= conversation.waitingSince)
        agent.reply.add((message.time - conversation.waitingSince) / 1000);
      conversation.replied = true;
      conversation.waitingSince = undefined;
      for (const finding of analysis.findings ?? []) {
        this.findings[finding.severity]++;
        agent.findings[finding.severity]++;
        agent.categories.set(finding.category, (agent.categories.get(finding.category) ?? 0) + 1);
        const category = this.categories.get(finding.category) ?? emptySeverities();
        category[finding.severity]++;
        this.categories.set(finding.category, category);
        if (this.kept.length < KEPT_FINDINGS && finding.end <= CONTEXT_CHARS)
          this.kept.push({
            ...finding,
            file,
            line,
            conversation: message.conversation,
            agent: message.agent,
            time: message.time,
            text: cut(message.text),
            before: [...conversation.recent],
          });
      }
    }
    if ((message.role === 'customer' || message.role === 'agent') && conversation.turns.length < CHECKLIST_TURNS) {
      conversation.turns.push(
        message.role === 'customer'
          ? {
              role: 'customer',
              scenarios: analysis.scenario === undefined ? [] : [analysis.scenario],
              seenAt: message.time,
            }
          : {
              role: 'agent',
              says: analysis.says ?? [],
              worstSeverity: worstSeverity(analysis.findings ?? []),
              seenAt: message.time,
            },
      );
    }
    conversation.recent.push({ role: message.role, agent: message.agent, time: message.time, text: cut(message.text) });
    if (conversation.recent.length > CONTEXT_MESSAGES) conversation.recent.shift();
  }

  get findingTotal(): number {
    return this.findings.error + this.findings.warning + this.findings.info;
  }

  get messageTotal(): number {
    return this.messages.customer + this.messages.agent + this.messages.system + this.messages.note;
  }

  /** Scores every conversation still open: the export has ended. */
  closeAll(): void {
    for (const conversation of this.open.values()) this.score(conversation);
    this.open.clear();
  }

  /** Scores a closed conversation's checklist for each agent who replied in it, at the time of its last message. */
  private score(conversation: OpenConversation): void {
    if (!this.readChecklist || conversation.agents.size === 0 || conversation.turns.length === 0) return;
    const last = conversation.turns.at(-1)!.seenAt ?? 0;
    const result = this.readChecklist(conversation.turns, last);
    for (const name of conversation.agents) {
      const checklist = this.agent(name).checklist;
      checklist.scored++;
      checklist.sum += result.score;
      if (result.passed) checklist.passed++;
    }
  }

  private conversation(id: string): OpenConversation {
    let conversation = this.open.get(id);
    if (conversation !== undefined) {
      // Most recently used last, so the first one is the one to close.
      this.open.delete(id);
    } else {
      this.conversations++;
      conversation = { replied: false, agents: new Set(), scenarios: new Set(), recent: [], turns: [] };
      if (this.open.size >= OPEN_CONVERSATIONS) {
        const oldest = this.open.keys().next().value!;
        this.score(this.open.get(oldest)!);
        this.open.delete(oldest);
      }
    }
    this.open.set(id, conversation);
    return conversation;
  }

  private agent(name: string): AgentTally {
    let agent = this.agents.get(name);
    if (agent === undefined) {
      agent = {
        agent: name,
        conversations: 0,
        replies: 0,
        findings: emptySeverities(),
        categories: new Map(),
        firstReply: new DurationHistogram(),
        reply: new DurationHistogram(),
        checklist: { scored: 0, sum: 0, passed: 0 },
      };
      this.agents.set(name, agent);
    }
    return agent;
  }
}
