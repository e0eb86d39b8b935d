/** The variants without repeats or the question itself, compared case-insensitively; the first spelling is kept. */
export function dedupeVariants(variants: readonly string[], question: string): string[] {
  const seen = new Set([question.toLowerCase()]);
  return variants.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
