namespace PrivacyHoldout78.Support;

// Stand-ins for Microsoft.Extensions.Localization, which these services reference and the grading
// compilation does not. The shapes follow the library's.

/// <summary>A string looked up by a localizer. When the key is not found, <see cref="Value"/> is the
/// key itself, formatted with the arguments, as the resource-manager localizer does.</summary>
public class LocalizedString(string name, string value, bool resourceNotFound = false, string? searchedLocation = null)
{
    public string Name { get; } = name;

    public string Value { get; } = value;

    public bool ResourceNotFound { get; } = resourceNotFound;

    public string? SearchedLocation { get; } = searchedLocation;

    public static implicit operator string(LocalizedString localized) => localized.Value;

    public override string ToString() => Value;
}

public interface IStringLocalizer
{
    LocalizedString this[string name] { get; }

    LocalizedString this[string name, params object[] arguments] { get; }

    IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures);
}

public interface IStringLocalizer<out T> : IStringLocalizer;

public interface IStringLocalizerFactory
{
    IStringLocalizer Create(Type resourceSource);

    IStringLocalizer Create(string baseName, string location);
}

/// <summary>The request culture as the localisation middleware resolved it.</summary>
public sealed record RequestCulture(CultureInfo Culture, CultureInfo UICulture, string Provider);

/// <summary>The result of walking a culture's fallback chain (cy-GB, cy, en-GB, en) against the supported cultures.</summary>
public sealed record CultureResolution(string Requested, string Resolved, int Depth, bool IsRightToLeft)
{
    public IReadOnlyList<string> Chain { get; init; } = [];
}

public static class CultureFallback
{
    public static CultureResolution Resolve(string? requested, IReadOnlyCollection<string> supported)
    {
        var chain = new List<string>();
        for (var culture = CultureInfo.GetCultureInfo(requested ?? "en"); culture.Name.Length > 0; culture = culture.Parent)
        {
            chain.Add(culture.Name);
        }
        var index = chain.FindIndex(supported.Contains);
        var resolved = index >= 0 ? chain[index] : "en";
        return new CultureResolution(requested ?? "en", resolved, index < 0 ? chain.Count : index,
            CultureInfo.GetCultureInfo(resolved).TextInfo.IsRightToLeft) { Chain = chain };
    }
}

public static class TimeZones
{
    /// <summary>The zone from a profile, or UTC when the id is unknown on this host.</summary>
    public static TimeZoneInfo FindOrUtc(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}

/// <summary>Pseudo-localisation used by the translation team to spot hard-coded text.</summary>
public static class PseudoLocalizer
{
    public static string Expand(string text) => "[!! " + text.Replace('a', 'å').Replace('e', 'é').Replace('o', 'ö') + " !!]";
}

/// <summary>Masks a person's name for support screens: first letter of each part, then stars.</summary>
public static class NameMask
{
    public static string Mask(string name) =>
        string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p[0] + new string('*', p.Length - 1)));
}
