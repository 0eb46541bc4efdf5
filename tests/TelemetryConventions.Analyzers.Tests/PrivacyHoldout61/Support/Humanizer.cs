using System;
using System.Globalization;
using System.Linq;

namespace Humanizer;

// The few Humanizer extension methods the services call, with the library's names and signatures.
// The implementations are reduced to what the corpus needs to compile; only the shapes matter.

public static class StringHumanizeExtensions
{
    /// <summary>Turns an identifier-like text (<c>RankUp</c>, <c>rank_up</c>) into a sentence.</summary>
    public static string Humanize(this string input) =>
        string.Join(' ', input.Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}

public static class TruncateExtensions
{
    public static string Truncate(this string input, int length, string truncationString = "…") =>
        input.Length <= length ? input : input[..(length - truncationString.Length)] + truncationString;
}

public static class CasingExtensions
{
    public static string Titleize(this string input) =>
        CultureInfo.CurrentCulture.TextInfo.ToTitleCase(input.ToLowerInvariant());
}

public static class ToQuantityExtensions
{
    public static string ToQuantity(this string input, int quantity) =>
        quantity == 1 ? $"1 {input}" : $"{quantity.ToString(CultureInfo.CurrentCulture)} {input}s";
}

public static class OrdinalizeExtensions
{
    public static string Ordinalize(this int number) => (number % 100) switch
    {
        11 or 12 or 13 => $"{number}th",
        _ => (number % 10) switch { 1 => $"{number}st", 2 => $"{number}nd", 3 => $"{number}rd", _ => $"{number}th" },
    };
}

public static class TimeSpanHumanizeExtensions
{
    public static string Humanize(this TimeSpan timeSpan, int precision = 1) =>
        timeSpan.TotalDays >= 1 ? $"{(int)timeSpan.TotalDays} days"
        : timeSpan.TotalHours >= 1 ? $"{(int)timeSpan.TotalHours} hours"
        : $"{(int)timeSpan.TotalMinutes} minutes";
}

public static class CollectionHumanizeExtensions
{
    /// <summary>Joins the items as "a, b and c".</summary>
    public static string Humanize<T>(this System.Collections.Generic.IEnumerable<T> collection)
    {
        var items = collection.Select(i => i?.ToString() ?? string.Empty).ToList();
        return items.Count switch
        {
            0 => string.Empty,
            1 => items[0],
            _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
        };
    }
}
