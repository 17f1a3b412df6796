using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using SiteGen.Diagnostics;

namespace SiteGen.Settings;

/// <summary>
/// Reads settings as Statiq does, later sources winning: <c>statiq.json</c>, then environment variables
/// <c>SITEGEN_Key</c>, then <c>--setting Key=Value</c>. Environment variables carry a prefix because
/// bare names such as HOST are already set by shells and would silently change the site.
/// </summary>
internal static class SettingsLoader
{
    public const string FileName = "statiq.json";
    public const string EnvironmentPrefix = "SITEGEN_";

    /// <summary>Variables with the prefix that switch a mode of the program rather than set a setting.</summary>
    public static readonly ImmutableArray<string> ProgramVariables = [Site.ReuseCheck.Variable];

    public static readonly ImmutableArray<string> Keys =
    [
        nameof(SiteSettings.SiteTitle), nameof(SiteSettings.SiteDescription), nameof(SiteSettings.Host),
        nameof(SiteSettings.LinkRoot), nameof(SiteSettings.LinksUseHttps), nameof(SiteSettings.OutputPath), nameof(SiteSettings.CachePath),
        nameof(SiteSettings.InputPaths), nameof(SiteSettings.ThemePaths), nameof(SiteSettings.GenerateSitemap),
        nameof(SiteSettings.GenerateSearchIndex), nameof(SiteSettings.ArchivePageSize), nameof(SiteSettings.FeedSize),
        nameof(SiteSettings.ListingCaptureYears), nameof(SiteSettings.RelatedIncludeNewer),
    ];

    /// <summary>
    /// Loads the settings of the site at <paramref name="root"/>. A broken file or value throws
    /// <see cref="ContentException"/>; an unknown key is a warning, since it is most often a typo.
    /// </summary>
    public static SiteSettings Load(string root, IReadOnlyList<KeyValuePair<string, string>> overrides,
        IDictionary<string, string?> environment, List<Diagnostic> warnings)
    {
        var settings = new SiteSettings();
        var path = Path.Combine(root, FileName);
        if (File.Exists(path))
        {
            settings = ApplyFile(settings, Site.SourceText.Read(path, FileName), warnings);
        }
        foreach (var (name, value) in environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (name.StartsWith(EnvironmentPrefix, StringComparison.Ordinal) && value is not null && !ProgramVariables.Contains(name))
            {
                var key = name[EnvironmentPrefix.Length..];
                settings = ApplyText(settings, key, value, $"environment variable {name}");
            }
        }
        foreach (var (key, value) in overrides)
        {
            settings = ApplyText(settings, key, value, $"--setting {key}");
        }
        return settings;
    }

    private static SiteSettings ApplyFile(SiteSettings settings, string json, List<Diagnostic> warnings)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
        }
        catch (JsonException e)
        {
            throw new ContentException(FileName, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1,
                $"statiq.json is not valid JSON ({FirstSentence(e.Message)}); fix the syntax near this point");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ContentException(FileName, 1, 1, "statiq.json must hold one JSON object, such as { \"SiteTitle\": \"Papers\" }");
            }
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var key = Keys.FirstOrDefault(k => k.Equals(property.Name, StringComparison.OrdinalIgnoreCase));
                if (key is null)
                {
                    warnings.Add(Diagnostic.Warning(FileName, LineOf(json, property.Name),
                        $"unknown setting '{property.Name}'; known settings are {string.Join(", ", Keys)}"));
                    continue;
                }
                settings = Apply(settings, key, property.Value, $"statiq.json key {key}");
            }
        }
        return settings;
    }

    /// <summary>A value given as text: JSON when it parses as JSON, else the plain string.</summary>
    private static SiteSettings ApplyText(SiteSettings settings, string name, string text, string origin)
    {
        var key = Keys.FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"{origin}: unknown setting '{name}'; known settings are {string.Join(", ", Keys)}");
        JsonElement value;
        try
        {
            value = JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            // Not JSON: the plain string (built by hand, so no reflection-based serializer is needed).
            value = JsonDocument.Parse($"\"{JsonEncodedText.Encode(text)}\"").RootElement.Clone();
        }
        try
        {
            return Apply(settings, key, value, origin);
        }
        catch (ContentException e)
        {
            throw new UsageException(e.Diagnostic.Message);
        }
    }

    private static SiteSettings Apply(SiteSettings s, string key, JsonElement value, string origin) => key switch
    {
        nameof(SiteSettings.SiteTitle) => s with { SiteTitle = String(value, origin) },
        nameof(SiteSettings.SiteDescription) => s with { SiteDescription = String(value, origin) },
        nameof(SiteSettings.Host) => s with { Host = HostName(String(value, origin), origin) },
        nameof(SiteSettings.LinkRoot) => s with { LinkRoot = NormalizeLinkRoot(String(value, origin)) },
        nameof(SiteSettings.LinksUseHttps) => s with { LinksUseHttps = Bool(value, origin) },
        nameof(SiteSettings.OutputPath) => s with { OutputPath = String(value, origin) },
        nameof(SiteSettings.CachePath) => s with { CachePath = String(value, origin) },
        nameof(SiteSettings.InputPaths) => s with { InputPaths = Strings(value, origin) },
        nameof(SiteSettings.ThemePaths) => s with { ThemePaths = Strings(value, origin), ThemePathsGiven = true },
        nameof(SiteSettings.GenerateSitemap) => s with { GenerateSitemap = Bool(value, origin) },
        nameof(SiteSettings.GenerateSearchIndex) => s with { GenerateSearchIndex = Bool(value, origin) },
        nameof(SiteSettings.ArchivePageSize) => s with { ArchivePageSize = PositiveInt(value, origin) },
        nameof(SiteSettings.FeedSize) => s with { FeedSize = PositiveInt(value, origin) },
        nameof(SiteSettings.ListingCaptureYears) => s with { ListingCaptureYears = Years(value, origin) },
        nameof(SiteSettings.RelatedIncludeNewer) => s with { RelatedIncludeNewer = Bool(value, origin) },
        _ => throw new InvalidOperationException($"Setting {key} is listed but not applied."),
    };

    private static string String(JsonElement value, string origin) =>
        value.ValueKind == JsonValueKind.String
            ? Text.SafeText.Clean(value.GetString()!)
            : throw Invalid(origin, "must be a string, such as \"Papers\"");

    private static bool Bool(JsonElement value, string origin) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when bool.TryParse(value.GetString(), out var b) => b,
        _ => throw Invalid(origin, "must be true or false"),
    };

    private static int PositiveInt(JsonElement value, string origin) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n > 0
            ? n
            : value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m > 0
                ? m
                : throw Invalid(origin, "must be a whole number above 0, such as 50");

    private static ImmutableArray<string> Strings(JsonElement value, string origin) => value.ValueKind switch
    {
        JsonValueKind.String => [Text.SafeText.Clean(value.GetString()!)],
        JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) && value.GetArrayLength() > 0 =>
            [.. value.EnumerateArray().Select(v => Text.SafeText.Clean(v.GetString()!))],
        _ => throw Invalid(origin, "must be a folder name or a list of them, such as [\"input\"]"),
    };

    private static ImmutableSortedDictionary<string, int> Years(JsonElement value, string origin)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(origin, "must map listing file names to years, such as { \"000_e26a98970d65545d.txt\": 2025 }");
        }
        var years = ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        foreach (var entry in value.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Number || !entry.Value.TryGetInt32(out var year) || year is < 1900 or > 2999)
            {
                throw Invalid(origin, $"gives '{entry.Name}' a year that is not a four-digit year such as 2025");
            }
            years[entry.Name] = year;
        }
        return years.ToImmutable();
    }

    private static string NormalizeLinkRoot(string linkRoot)
    {
        var trimmed = linkRoot.Trim().Trim('/');
        return trimmed.Length == 0 ? "/" : $"/{trimmed}/";
    }

    /// <summary>
    /// A host name, with a port if need be (<c>papers.example.org</c>, <c>localhost:8080</c>); empty means none.
    /// Absolute URLs are built from it, so a scheme or a path here would make every one of them wrong.
    /// </summary>
    private static string? HostName(string text, string origin)
    {
        var host = text.Trim();
        if (host.Length == 0)
        {
            return null;
        }
        return Uri.TryCreate($"http://{host}/", UriKind.Absolute, out var uri) && uri.Authority.Equals(host, StringComparison.OrdinalIgnoreCase)
            ? host
            : throw Invalid(origin, $"must be a host name such as \"papers.example.org\", without http:// or a path (a path goes in LinkRoot); '{host}' is not one");
    }

    private static ContentException Invalid(string origin, string what) =>
        new(FileName, 0, 0, $"{origin} {what}");

    private static int LineOf(string json, string propertyName)
    {
        var index = json.IndexOf($"\"{propertyName}\"", StringComparison.Ordinal);
        return index < 0 ? 0 : json.AsSpan(0, index).Count('\n') + 1;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}
