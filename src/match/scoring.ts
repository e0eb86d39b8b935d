/**
 * How a match becomes a confidence, and where the lines are. PROVISIONAL values; calibrated below.
 */
export const SCORING = {
  contentFactor: 0.85,
  windowShare: 0.6,
  pairDiscount: 0.95,
  passageFactor: 0.9,
  rankShare: 0.2,
  answerAt: 0.5,
  ambiguousMargin: 0.04,
  clearAt: 0.9,
  secondQuoteAt: 0.9,
} as const;
