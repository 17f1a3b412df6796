using System.Collections.Frozen;

namespace SiteGen.Text;

/// <summary>
/// Latin letters for the Greek and Cyrillic alphabets, for URLs: ELOT 743 (ISO 843) for Greek, and ICAO Doc 9303 (the
/// table of machine-readable passports) for Cyrillic, simplified to one spelling per letter. Lowercase letters only, after
/// <see cref="TextFold"/> (so accents and case are gone already). Other scripts have no table that fits every language
/// that uses them (Chinese, Arabic); their titles get another kind of URL name (<see cref="Papers.Slug"/>).
/// </summary>
internal static class Transliteration
{
    private static readonly FrozenDictionary<char, string> Letters = new Dictionary<char, string>
    {
        // Greek
        ['α'] = "a", ['β'] = "v", ['γ'] = "g", ['δ'] = "d", ['ε'] = "e", ['ζ'] = "z", ['η'] = "i", ['θ'] = "th",
        ['ι'] = "i", ['κ'] = "k", ['λ'] = "l", ['μ'] = "m", ['ν'] = "n", ['ξ'] = "x", ['ο'] = "o", ['π'] = "p",
        ['ρ'] = "r", ['σ'] = "s", ['τ'] = "t", ['υ'] = "y", ['φ'] = "f", ['χ'] = "ch", ['ψ'] = "ps", ['ω'] = "o",
        // Cyrillic: Russian, Ukrainian, Belarusian, Serbian, Macedonian, Bulgarian
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ж'] = "zh", ['з'] = "z",
        ['и'] = "i", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o", ['п'] = "p", ['р'] = "r",
        ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh",
        ['щ'] = "shch", ['ъ'] = "ie", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "iu", ['я'] = "ia",
        ['є'] = "ie", ['і'] = "i", ['ґ'] = "g", ['ђ'] = "d", ['ј'] = "j", ['љ'] = "lj", ['њ'] = "nj", ['ћ'] = "c",
        ['џ'] = "dz", ['ѕ'] = "dz", ['ў'] = "u",
    }.ToFrozenDictionary();

    /// <summary>The Latin letters for <paramref name="letter"/>, or null when it has none here.</summary>
    public static string? Of(char letter) => Letters.GetValueOrDefault(letter);
}
