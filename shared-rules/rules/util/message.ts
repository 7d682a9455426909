// Text from the file, quoted in a finding's message: messages are one line (the CLI prints them in a table, SARIF
// and LSP clients show them as a single line), so a value written over several lines is quoted on one.
export function oneLine(text: string): string {
  return text.replace(/(?<![ \t])[ \t]*(?:\r\n|\r|\n)\s*/g, ' ');
}
