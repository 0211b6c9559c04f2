/** UTF-16 helpers: cutting a string for display must never split a character in two. */

export const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
export const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** `index`, moved back one if cutting `text` there would split a surrogate pair. */
export const safeCut = (text: string, index: number): number => (index > 0 && index < text.length && isLowSurrogate(text.charCodeAt(index)) ? index - 1 : index);
