using System.Globalization;

namespace SiteGen.Cli;

/// <summary>"1 paper", "2 papers": the reports read as sentences.</summary>
internal static class Counted
{
    public static string Of(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
