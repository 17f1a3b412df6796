namespace SiteGen.Sitemaps;

/// <summary>One page of the sitemap: its absolute URL and, for a paper's page, the paper's date.</summary>
internal sealed record SitemapUrl(string Location, DateOnly? LastModified);
