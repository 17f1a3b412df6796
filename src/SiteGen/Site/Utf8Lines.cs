namespace SiteGen.Site;

/// <summary>
/// A file's lines as UTF-8, read a megabyte at a time: each line is a slice of one buffer, good until the next one is
/// asked for, so no line becomes a string unless its reader makes one. Lines end as <see cref="File.ReadLines(string)"/>
/// ends them (<c>\n</c>, <c>\r\n</c> or <c>\r</c>, none after the last), and a UTF-8 byte order mark is left out.
/// </summary>
internal static class Utf8Lines
{
    /// <param name="firstRead">How much is read at first (the buffer grows for a longer line): less for a reader of the first line alone.</param>
    public static IEnumerable<ReadOnlyMemory<byte>> Of(string path, int firstRead = 1 << 20)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[firstRead];
        int start = 0, end = 0;
        var atEnd = false;
        Fill();
        if (buffer.AsSpan(0, end).StartsWith("\uFEFF"u8))
        {
            start = 3;
        }
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOfAny((byte)'\n', (byte)'\r');
            // A line is given once its end is read, and a '\r' once what follows it is: it may be a "\r\n".
            if (!atEnd && (newline < 0 || start + newline + 1 == end))
            {
                Fill();
                continue;
            }
            if (newline < 0)
            {
                if (end > start)
                {
                    yield return buffer.AsMemory(start, end - start);
                }
                yield break;
            }
            yield return buffer.AsMemory(start, newline);
            var after = start + newline + 1;
            start = buffer[after - 1] == '\r' && after < end && buffer[after] == '\n' ? after + 1 : after;
        }

        // Moves what is left to the front, grows the buffer if a line fills it, and reads more.
        void Fill()
        {
            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
            var read = file.Read(buffer, end, buffer.Length - end);
            atEnd = read == 0;
            end += read;
        }
    }
}
