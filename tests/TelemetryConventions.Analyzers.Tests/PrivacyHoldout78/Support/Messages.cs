namespace PrivacyHoldout78.Support;

// A small ICU MessageFormat helper in the style of the Jeffijoe.MessageFormat package: named
// arguments, {count, plural, one {…} other {…}} and {gender, select, …}.

public sealed class MessageFormatter(CultureInfo culture)
{
    public CultureInfo Culture { get; } = culture;

    public string FormatMessage(string pattern, IReadOnlyDictionary<string, object?> arguments)
    {
        var text = pattern;
        foreach (var (name, value) in arguments)
        {
            text = text.Replace("{" + name + "}", Convert.ToString(value, Culture));
        }
        return text;
    }

    public string FormatMessage(string pattern, object arguments) =>
        FormatMessage(pattern, arguments.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(arguments)));
}

public static class PluralRules
{
    /// <summary>The CLDR plural category of a count in a culture: zero, one, two, few, many or other.</summary>
    public static string Category(CultureInfo culture, decimal count) => culture.TwoLetterISOLanguageName switch
    {
        "cy" => count switch { 0 => "zero", 1 => "one", 2 => "two", 3 => "few", 6 => "many", _ => "other" },
        "ar" => count switch { 0 => "zero", 1 => "one", 2 => "two", _ when count % 100 is >= 3 and <= 10 => "few", _ => "other" },
        "pl" => count == 1 ? "one" : count % 10 is >= 2 and <= 4 ? "few" : "many",
        _ => count == 1 ? "one" : "other",
    };
}

/// <summary>A message pattern whose placeholder had no argument.</summary>
public sealed class MessageFormatException(string pattern, string argument)
    : FormatException($"No value for argument '{argument}' in pattern '{pattern}'.")
{
    public string Pattern { get; } = pattern;

    public string Argument { get; } = argument;
}
