using System.Collections.Immutable;
using SiteGen.Diagnostics;

namespace SiteGen.Papers;

/// <summary>Every paper once, in order of first appearance, and the conflicts met on the way (as warnings).</summary>
internal sealed record MergeResult(ImmutableArray<Paper> Papers, ImmutableArray<Diagnostic> Warnings);
