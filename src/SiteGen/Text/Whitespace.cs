namespace SiteGen.Text;

/// <summary>Text as a page shows it: every run of white space one space, none at the ends.</summary>
internal static class Whitespace
{
    public static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
