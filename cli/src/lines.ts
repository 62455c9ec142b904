// A stream split into lines, as bytes arrive: one chunk and the line being
// completed are held at a time, whatever the size of the log.

/**
 * Calls `onLine` with each line of a stream of bytes (UTF-8, `\n` or `\r\n`
 * line breaks, a leading byte-order mark dropped), numbered from 1, and
 * `onProgress` with the lines and bytes read every 4,096 lines.
 */
export async function readLines(
  stream: AsyncIterable<Buffer | string>,
  onLine: (text: string, line: number) => void,
  onProgress?: (lines: number, bytes: number) => void,
): Promise<{ lines: number; bytes: number }> {
  let line = 0;
  let bytes = 0;
  let parts: Buffer[] = [];
  const emit = (text: string): void => {
    line++;
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (line === 1 && text.startsWith('\ufeff')) text = text.slice(1);
    onLine(text, line);
    if ((line & 4095) === 0) onProgress?.(line, bytes);
  };
  for await (const piece of stream) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
    bytes += chunk.length;
    let start = 0;
    let end = chunk.indexOf(10);
    if (parts.length > 0) {
      if (end === -1) {
        parts.push(chunk);
        continue;
      }
      parts.push(chunk.subarray(0, end));
      const text = Buffer.concat(parts).toString('utf8');
      parts = [];
      emit(text);
      start = end + 1;
      end = chunk.indexOf(10, start);
    }
    while (end !== -1) {
      emit(chunk.toString('utf8', start, end));
      start = end + 1;
      end = chunk.indexOf(10, start);
    }
    if (start < chunk.length) parts.push(chunk.subarray(start));
  }
  if (parts.length > 0) emit(Buffer.concat(parts).toString('utf8'));
  return { lines: line, bytes };
}
