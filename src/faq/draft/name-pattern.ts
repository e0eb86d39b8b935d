// Regular-expression sources shared by the question patterns (each used inside `new RegExp(…, 'u')`).

// A capitalised word: "OpenStack", "Cloud.com", "Hyper-V", "MacLean", "vCloud", "Microsoft's".
const CAP = String.raw`(?:\p{Lu}\.(?=\s)|\p{Lu}[\p{L}\p{N}]*|\p{Ll}+\p{Lu}[\p{L}\p{N}]*)(?:[.&-][\p{L}\p{N}]+)*(?:'s)?`;
/** A name: capitalised words, with "of"/"&" and numbers inside ("Bank of America", "Windows Server 2008 R2"). */
export const NAME = String.raw`${CAP}(?:\s+(?:(?:of|&)\s+)?(?:${CAP}|\d[\p{L}\p{N}]*))*`;
/** A determiner that opens a description: "OpenStack, the open source …". */
export const DESCRIBED_BY = String.raw`(?:the|a|an|its|their|his|her|our)`;
