namespace SiteGen.Tests.Tags;

/// <summary>One paper of the seed listings, as the tag tests see it. TEMPORARY, with <see cref="SeedPapers"/>.</summary>
internal sealed record SeedPaper(string File, string Title, string Abstract);
