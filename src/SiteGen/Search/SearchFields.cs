namespace SiteGen.Search;

/// <summary>Where a paper has a word; the browser ranks a title match above a tag above the abstract.</summary>
[Flags]
internal enum SearchFields
{
    None = 0,
    Abstract = 1,
    Tags = 2,
    Title = 4,
}
