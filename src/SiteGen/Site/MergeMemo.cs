using System.Collections.Immutable;
using SiteGen.Engine;

namespace SiteGen.Site;

/// <summary>What one merge of a session was made from and what it made: reused while its inputs are the same documents.</summary>
internal sealed class MergeMemo
{
    private (ImmutableArray<Document> Listings, ImmutableArray<Document> HandWritten, ImmutableArray<Document> Documents, ImmutableArray<string> Warnings)? _last;

    public (ImmutableArray<Document> Documents, ImmutableArray<string> Warnings)? TryReuse(ImmutableArray<Document> listings, ImmutableArray<Document> handWritten)
    {
        lock (this)
        {
            return _last is { } last && SameObjects(last.Listings, listings) && SameObjects(last.HandWritten, handWritten)
                ? (last.Documents, last.Warnings)
                : null;
        }
    }

    public void Remember(ImmutableArray<Document> listings, ImmutableArray<Document> handWritten, ImmutableArray<Document> documents, ImmutableArray<string> warnings)
    {
        lock (this)
        {
            _last = (listings, handWritten, documents, warnings);
        }
    }

    private static bool SameObjects(ImmutableArray<Document> a, ImmutableArray<Document> b) =>
        a.Length == b.Length && a.AsSpan().SequenceEqual(b.AsSpan());
}
