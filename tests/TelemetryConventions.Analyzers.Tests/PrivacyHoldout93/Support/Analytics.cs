namespace FormKit.Analytics;

// Response analytics: NPS and CSAT, aggregates by question and group with small-group suppression, exports, and a
// text analytics client in the shape of Azure AI Language's sentiment and key phrase APIs.

/// <summary>An NPS breakdown. Prints its members.</summary>
public sealed record NpsResult(int Promoters, int Passives, int Detractors)
{
    public int Total => Promoters + Passives + Detractors;

    public double Score => Total == 0 ? 0 : Math.Round(100.0 * (Promoters - Detractors) / Total, 1);
}

public static class Nps
{
    public static string Category(int score) => score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";

    public static NpsResult Compute(IEnumerable<int> scores)
    {
        var list = scores.ToList();
        return new NpsResult(list.Count(s => s >= 9), list.Count(s => s is 7 or 8), list.Count(s => s <= 6));
    }
}

/// <summary>An aggregate of one question for one group (a clinic, a course, a region, a store…). Prints its members.</summary>
public sealed record QuestionAggregate(string FieldId, string Group, int Count, double? Mean, bool Suppressed);

/// <summary>Suppresses aggregates of groups with fewer respondents than the threshold.</summary>
public sealed class SmallGroupSuppression(int threshold)
{
    public int Threshold { get; } = threshold;

    public IReadOnlyList<QuestionAggregate> Apply(IEnumerable<QuestionAggregate> aggregates) =>
        aggregates.Select(a => a.Count < Threshold ? a with { Mean = null, Suppressed = true } : a).ToList();
}

/// <summary>The service's sentiment of a text, with the key phrases it extracted from it. Prints its label and score (key phrases as their type's name).</summary>
public sealed record SentimentResult(string Label, double Positive, double Negative, IReadOnlyList<string> KeyPhrases);

public interface ITextAnalyticsClient
{
    Task<SentimentResult> AnalyzeAsync(string text, string language, CancellationToken cancellationToken = default);
}

/// <summary>The text analytics service's error: a status and an error code, with a message about the request (never the text).</summary>
public sealed class TextAnalyticsException(int status, string errorCode)
    : Exception($"Text analytics request failed ({status}): {errorCode}")
{
    public int Status { get; } = status;

    public string ErrorCode { get; } = errorCode;
}

/// <summary>A fixed list of topics and the words that mark them, configured by the insights team.</summary>
public sealed class TopicLexicon(IReadOnlyDictionary<string, string[]> topics)
{
    /// <summary>How many of each topic's words the text contains, by topic.</summary>
    public IReadOnlyDictionary<string, int> Count(string text) =>
        topics.ToDictionary(t => t.Key, t => t.Value.Count(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)));

    public IEnumerable<string> Topics => topics.Keys;
}

/// <summary>Masks email addresses and long digit runs in free text before it is stored for analysis.</summary>
public static class CommentScrubber
{
    public static string Scrub(string text) =>
        System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(text, @"\S+@\S+", "[email]"), @"\d{6,}", "[number]");
}

public enum ExportFormat
{
    Csv,
    Xlsx,
    Spss,
}

/// <summary>An export of a form's responses. Prints its members.</summary>
public sealed record ExportJob(string ExportId, string FormId, ExportFormat Format, DateOnly From, DateOnly To, bool IncludePersonalFields);

/// <summary>A finished export: the file's name, its bytes and the number of rows. Prints its members (content as <c>System.Byte[]</c>).</summary>
public sealed record ExportResult(string FileName, byte[] Content, int Rows);

public static class CsvExport
{
    public static string Header(FormDefinition form) => string.Join(",", form.Fields.Select(f => f.Ref));

    public static string Row(FormDefinition form, FormSubmission submission) =>
        string.Join(",", form.Fields.Select(f => submission.Answer(f.Id) ?? string.Empty));
}
