using System.Buffers;
using System.Text;

namespace SiteGen.Rendering;

/// <summary>
/// A <see cref="TextWriter"/> into one growable, pooled array of chars: a page is rendered into it, its links are read
/// from it and it is encoded to UTF-8 from it, so the page's HTML never becomes a string. At 10,000 papers the pages'
/// strings were most of what a build allocated (every large one a fresh block of memory the collector had to clear).
/// One per thread (<see cref="ForThisThread"/>); not thread-safe.
/// </summary>
internal sealed class TextBuffer : TextWriter
{
    /// <summary>A buffer grown past this is given back rather than kept by its thread (a huge page is rare).</summary>
    private const int KeptCapacity = 1 << 20;

    [ThreadStatic]
    private static TextBuffer? _forThisThread;

    private char[] _chars = ArrayPool<char>.Shared.Rent(16 * 1024);
    private int _length;

    /// <summary>This thread's buffer, emptied. What it held before is gone: take it before rendering again.</summary>
    public static TextBuffer ForThisThread()
    {
        var buffer = _forThisThread ??= new TextBuffer();
        buffer.Clear();
        return buffer;
    }

    public override Encoding Encoding => Encoding.UTF8;

    public ReadOnlySpan<char> Written => _chars.AsSpan(0, _length);

    /// <summary>What <see cref="Written"/> holds, until the buffer is written to or cleared again.</summary>
    public ReadOnlyMemory<char> WrittenMemory => _chars.AsMemory(0, _length);

    public void Clear()
    {
        _length = 0;
        if (_chars.Length > KeptCapacity)
        {
            ArrayPool<char>.Shared.Return(_chars);
            _chars = ArrayPool<char>.Shared.Rent(16 * 1024);
        }
    }

    public override void Write(char value)
    {
        if (_length == _chars.Length)
        {
            Grow(1);
        }
        _chars[_length++] = value;
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (_chars.Length - _length < buffer.Length)
        {
            Grow(buffer.Length);
        }
        buffer.CopyTo(_chars.AsSpan(_length));
        _length += buffer.Length;
    }

    // The asynchronous members write at once: TextWriter's own would queue the write on the current task scheduler,
    // and a render waited for from inside the engine's bounded scheduler would then wait for itself (Fluid flushes its
    // writer asynchronously at the end of a render).
    public override Task FlushAsync() => Task.CompletedTask;

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return Task.CompletedTask;
    }

    public override string ToString() => new(Written);

    private void Grow(int needed)
    {
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, _length + needed));
        Written.CopyTo(larger);
        ArrayPool<char>.Shared.Return(_chars);
        _chars = larger;
    }
}
