namespace SiteGen.Listings;

/// <summary>The ways people save a Hugging Face papers page, each read by a reader of its own (<see cref="CaptureReader"/>).</summary>
internal enum CaptureFormat
{
    /// <summary>The text a browser copies from the page (select all, copy, paste).</summary>
    BrowserCopy,

    /// <summary>A text-mode browser's dump (<c>lynx -dump</c>, <c>w3m -dump</c>): link labels in brackets, numbered references.</summary>
    TextDump,

    /// <summary>A Markdown conversion (Firecrawl, Jina Reader, MarkItDown, html2text...).</summary>
    Markdown,

    /// <summary>The page's HTML ("Save page as", <c>curl -o</c>).</summary>
    Html,

    /// <summary>The JSON of the Hugging Face API (<c>/api/daily_papers</c>, <c>/api/papers/{id}</c>, search).</summary>
    Api,
}
