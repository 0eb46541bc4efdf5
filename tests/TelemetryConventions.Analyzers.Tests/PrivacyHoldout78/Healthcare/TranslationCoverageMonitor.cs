namespace PrivacyHoldout78.Healthcare;

/// <summary>A letter the trust's document service renders from a resource and a patient's details.</summary>
public sealed record ClinicLetter(string LetterId, string TemplateId, string NhsNumber, string PatientName, string Culture);

/// <summary>
/// Checks nightly that every resource of the patient letters exists in every supported culture,
/// and renders the letters that failed in the day again, reporting what was missing.
/// </summary>
public sealed class TranslationCoverageMonitor(
    IStringLocalizerFactory factory,
    ActivitySource source,
    Meter meter,
    ILogger<TranslationCoverageMonitor> logger)
{
    private static readonly string[] Cultures = ["en-GB", "cy-GB", "pl", "ur", "ar", "so"];
    private static readonly ResourceManager Letters = new("PrivacyHoldout78.Healthcare.Letters", typeof(TranslationCoverageMonitor).Assembly);
    private readonly Histogram<double> _coverage = meter.CreateHistogram<double>("carecopy.translation.coverage", "1");
    private string? _lastFailedLetter;

    public void CheckCoverage()
    {
        var english = factory.Create("Letters", "PrivacyHoldout78").GetAllStrings(includeParentCultures: false).Select(s => s.Name).ToHashSet();
        foreach (var name in Cultures)
        {
            var culture = CultureInfo.GetCultureInfo(name);
            var missing = english.Where(key => Letters.GetString(key, culture) is null).ToList();
            _coverage.Record(1 - (double)missing.Count / english.Count, new KeyValuePair<string, object?>("culture", name), new KeyValuePair<string, object?>("rtl", culture.TextInfo.IsRightToLeft)); // clean precision-about
            if (missing.Count > 0)
            {
                logger.LogWarning("{Culture} is missing {Count} letter strings: {Keys}", name, missing.Count, string.Join(", ", missing.Take(20))); // clean precision-about
            }
        }
    }

    public void RenderAgain(ClinicLetter letter)
    {
        using var span = source.StartCarecopyRender(letter.TemplateId);
        span.SetCarecopyCulture(letter.Culture);
        var culture = CultureInfo.GetCultureInfo(letter.Culture);
        var pattern = Letters.GetString("Letter.Salutation", culture) ?? Letters.GetString("Letter.Salutation", CultureInfo.InvariantCulture)!;
        try
        {
            var salutation = string.Format(culture, pattern, letter.PatientName, letter.NhsNumber);
            span.SetCarecopyMessageSubject(salutation); // leak TC1001 generated-api
            logger.LogInformation("Letter {LetterId} rendered again in {Culture}", letter.LetterId, culture.Name); // clean precision-names
        }
        catch (FormatException ex)
        {
            _lastFailedLetter = $"{letter.LetterId} ({letter.NhsNumber})";
            span.RecordException(ex, $"salutation pattern for {culture.Name} has a bad placeholder"); // clean exceptions
            logger.LogError(ex, "Salutation pattern {Pattern} is malformed in {Culture}", pattern, culture.Name); // clean exceptions
        }
    }

    public void ReportDay()
    {
        if (_lastFailedLetter is not null)
        {
            logger.LogWarning("Last letter that failed to render: {Letter}", _lastFailedLetter); // leak TC1001 cross-member
            Activity.Current?.SetTag("letters.last_failed", _lastFailedLetter.Split(' ')[0]); // clean precision-about
        }
    }
}
