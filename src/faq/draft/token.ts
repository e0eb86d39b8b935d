/** A word of article text: letters and digits, with inner apostrophes, dots, ampersands and hyphens ("Cloud.com", "AT&T", "Microsoft's"). */
export const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'.&-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;
