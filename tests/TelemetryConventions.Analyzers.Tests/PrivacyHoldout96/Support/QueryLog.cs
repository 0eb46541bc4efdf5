namespace SearchKit.Analytics;

/// <summary>
/// One line of the team's own query log, appended to the search analytics store (not telemetry). A positional
/// record: printed, it writes out every member, the typed text and the user key among them.
/// </summary>
public sealed record QueryLogEntry(Guid SearchId, string Index, string QueryText, int ResultCount, string? UserKey, DateTimeOffset At);

/// <summary>A click on a hit, for click models and learning-to-rank labels. Prints its members.</summary>
public sealed record ClickEvent(Guid SearchId, string DocumentId, int Position, string? UserKey, DateTimeOffset At);

/// <summary>The shape of a query, from a fixed classifier. Prints its members (kind, length, terms).</summary>
public sealed record QueryShape(string Kind, int Length, int Terms);

public interface IQueryLogStore
{
    Task AppendAsync(QueryLogEntry entry, CancellationToken cancellationToken = default);

    Task AppendClickAsync(ClickEvent click, CancellationToken cancellationToken = default);
}

/// <summary>A person's recent searches, kept for the "recent" list under the search box (not telemetry).</summary>
public interface IRecentSearches
{
    Task<IReadOnlyList<string>> GetAsync(string userKey, CancellationToken cancellationToken = default);

    Task PushAsync(string userKey, string text, CancellationToken cancellationToken = default);
}

public static class QueryText
{
    /// <summary>Trims, lower-cases and collapses white space.</summary>
    public static string Normalize(string text) =>
        string.Join(' ', text.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public static int Terms(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>What the text looks like, from fixed patterns: <c>nhs_number</c>, <c>hospital_number</c>, <c>postcode</c>, <c>email</c>, <c>date_of_birth</c>, <c>name</c>, <c>free_text</c>.</summary>
    public static string Classify(string text)
    {
        var t = text.Replace(" ", string.Empty);
        if (t.Length == 10 && t.All(char.IsDigit))
        {
            return "nhs_number";
        }
        if (t.Length == 8 && char.IsLetter(t[0]) && t.Skip(1).All(char.IsDigit))
        {
            return "hospital_number";
        }
        if (t.Contains('@'))
        {
            return "email";
        }
        if (DateOnly.TryParse(text, CultureInfo.GetCultureInfo("en-GB"), out _))
        {
            return "date_of_birth";
        }
        return text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3 && text.All(c => char.IsLetter(c) || c is ' ' or '-' or '\'') ? "name" : "free_text";
    }

    public static QueryShape Shape(string text) => new(Classify(text), text.Length, Terms(text));
}
