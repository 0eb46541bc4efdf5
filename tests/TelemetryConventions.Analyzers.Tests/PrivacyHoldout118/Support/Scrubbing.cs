namespace ScrubKit;

// The shape of an anonymisation engine in the manner of Microsoft Presidio: an analyzer that finds entities
// in free text and an anonymizer that replaces them with operators.

public sealed record RecognizerResult(string EntityType, int Start, int End, double Score)
{
    public override string ToString() => $"type: {EntityType}, start: {Start}, end: {End}, score: {Score}";
}

public sealed record OperatorConfig(string OperatorName, string? NewValue = null);

/// <summary>One replacement: the span in the output and the text put there (for <c>replace</c>, <c>&lt;EMAIL_ADDRESS&gt;</c>).</summary>
public sealed record OperatorResult(int Start, int End, string EntityType, string Text, string Operator);

public sealed record EngineResult(string Text, IReadOnlyList<OperatorResult> Items);

public sealed class AnalyzerEngine
{
    public IReadOnlyList<RecognizerResult> Analyze(string text, string language, IEnumerable<string>? entities = null) =>
        Array.Empty<RecognizerResult>();
}

public sealed class AnonymizerEngine
{
    public EngineResult Anonymize(string text, IReadOnlyList<RecognizerResult> results, IReadOnlyDictionary<string, OperatorConfig>? operators = null) =>
        new(text, Array.Empty<OperatorResult>());
}

/// <summary>Generalisations used to keep rows for statistics after their period.</summary>
public static class Generalise
{
    public static string AgeBand(DateOnly birthDate, DateOnly asAt)
    {
        var age = asAt.Year - birthDate.Year - (asAt < birthDate.AddYears(asAt.Year - birthDate.Year) ? 1 : 0);
        var low = age / 10 * 10;
        return $"{low}-{low + 9}";
    }

    public static string PostcodeDistrict(string postcode) => postcode.Trim().Split(' ')[0].ToUpperInvariant();
}
