using System.Collections.Immutable;
using SiteGen.Diagnostics;

namespace SiteGen.Listings;

/// <summary>The papers of one listing, in page order and each once, and what could not be read (as warnings).</summary>
public sealed record ListingParseResult(ImmutableArray<ListingEntry> Entries, ImmutableArray<Diagnostic> Warnings);
