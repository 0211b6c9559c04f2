/**
 * Whether `JSON.parse` failed because the text stopped before the value did (V8's messages for
 * a string or a document left open at the end), which for a file means it was cut short: a copy
 * or a download that stopped. Any other parse error is text that is not the JSON it should be.
 */
export const endsEarly = (parseMessage: string): boolean => /Unterminated string|Unexpected end of JSON input/.test(parseMessage);

/** What a file that ends early is, said the same for every kind of history file. */
export const CUT_SHORT = 'it was cut short (a copy or a download that stopped)';
