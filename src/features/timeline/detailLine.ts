/** What a line under an event's head says, which decides its colour and mark. */
export type DetailTone = 'failed' | 'response' | 'warning' | 'log' | 'call' | 'more';

/** One line under a timeline row's head (a response, a log line, a host call, "n more"). */
export interface DetailLine {
  tone: DetailTone;
  mark: string;
  text: string;
  /** A label after the text, such as `stub` for an import the playground only pretends to have. */
  tag?: string;
}
