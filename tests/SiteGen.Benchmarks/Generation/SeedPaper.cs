using System.Collections.Immutable;

namespace SiteGen.Benchmarks.Generation;

/// <summary>
/// A real paper cut into the pieces synthetic papers are made of: its title's head and tail (the tail starts at a
/// connecting word: <c> for Fast Shape Generation</c>), and its abstract's opening, middle and closing sentences.
/// </summary>
internal sealed record SeedPaper(string Title, string Head, string? Tail, string Opening, ImmutableArray<string> Middles, string Closing);
