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
            // Documents have no equality of their own: the same object is the same document.
            return _last is { } last
                && last.Listings.AsSpan().SequenceEqual(listings.AsSpan())
                && last.HandWritten.AsSpan().SequenceEqual(handWritten.AsSpan())
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
}
