using System.Collections.Immutable;
using SiteGen.Diagnostics;

namespace SiteGen.Import;

/// <summary>What an import would write, worked out in full before any file is touched.</summary>
/// <param name="Listings">How many listing files were read.</param>
/// <param name="Pages">One page per paper, in the order the papers first appear in the listings.</param>
/// <param name="Warnings">What the listings did not make clear, as a build would report it.</param>
internal sealed record ImportPlan(int Listings, ImmutableArray<ImportedPage> Pages, ImmutableArray<Diagnostic> Warnings);
