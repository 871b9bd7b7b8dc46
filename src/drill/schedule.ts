import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card, type Grade } from 'ts-fsrs';
import type { SessionRecordT } from '../store/records.js';
import { compareText } from '../compare.js';

/**
 * Spaced repetition (FSRS, via ts-fsrs). The schedule is derived from the
 * history by replaying every graded answer in time order, so it always agrees
 * with the history, travels with it through export and import, and needs no
 * second file to keep in step. Each question and each follow-up is its own
 * card: "knows what, fails why" shows up as a good question card next to a
 * weak follow-up card. Answers from `topic --quiz` (cram mode) do not move it.
 */

export type CardId = string;

export function cardId(questionId: string, followupId?: string): CardId {
  return followupId ? `${questionId}#${followupId}` : questionId;
}

export interface Review {
  at: string;
  rating: 'again' | 'hard' | 'good' | 'easy';
  score: number;
  /** State of the card before this review (FSRS: new, learning, review, relearning). */
  state: 'new' | 'learning' | 'review' | 'relearning';
  secondsTaken: number;
  sessionId: string;
}

export interface CardState {
  card: CardId;
  questionId: string;
  followupId?: string;
  due: string;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  state: Review['state'];
  lastReview: string;
  lastScore: number;
  bestScore: number;
  reviews: Review[];
}

const STATES: Review['state'][] = ['new', 'learning', 'review', 'relearning'];

/** The score (self-assessed where the user disputed) as an FSRS rating. */
export function ratingFor(score: number): Grade {
  if (score < 0.3) return Rating.Again;
  if (score < 0.6) return Rating.Hard;
  if (score < 0.85) return Rating.Good;
  return Rating.Easy;
}

const RATING_NAMES: Record<number, Review['rating']> = { 1: 'again', 2: 'hard', 3: 'good', 4: 'easy' };

const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));

/** Replays the history into one scheduling state per card. Pure. */
export function buildSchedule(sessions: readonly SessionRecordT[]): Map<CardId, CardState> {
  const answers = sessions
    .filter((s) => !s.settings.cram)
    .flatMap((s) => s.answers.map((a) => ({ a, session: s.id })))
    .filter(({ a }) => a.score !== null && !a.interrupted)
    .sort((x, y) => compareText(x.a.answeredAt, y.a.answeredAt));
  const cards = new Map<CardId, { card: Card; st: CardState }>();
  for (const { a, session } of answers) {
    const id = cardId(a.questionId, a.followupId);
    const at = new Date(a.answeredAt);
    const score = a.selfScore ?? a.score!;
    const prev = cards.get(id);
    const card: Card = prev ? prev.card : (createEmptyCard(at) as Card);
    const rating = ratingFor(score);
    const next = scheduler.next(card, at, rating).card;
    const review: Review = { at: a.answeredAt, rating: RATING_NAMES[rating]!, score, state: STATES[card.state]!, secondsTaken: a.secondsTaken, sessionId: session };
    const st: CardState = {
      card: id,
      questionId: a.questionId,
      ...(a.followupId ? { followupId: a.followupId } : {}),
      due: next.due.toISOString(),
      stability: Math.round(next.stability * 1000) / 1000,
      difficulty: Math.round(next.difficulty * 1000) / 1000,
      reps: next.reps,
      lapses: next.lapses,
      state: STATES[next.state] ?? 'review',
      lastReview: a.answeredAt,
      lastScore: score,
      bestScore: Math.max(score, prev?.st.bestScore ?? 0),
      reviews: [...(prev?.st.reviews ?? []), review],
    };
    cards.set(id, { card: next, st });
  }
  return new Map([...cards].map(([k, v]) => [k, v.st]));
}

export function isDue(c: CardState, now: Date): boolean {
  return c.due <= now.toISOString();
}

export { State };
