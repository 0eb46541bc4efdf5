namespace PrivacyHoldout164.Media;

public sealed record AutocueLine(int Position, string Text, string? Phonetic);

public interface IAutocue
{
    Task PushAsync(string ceremonyId, IReadOnlyList<AutocueLine> lines, CancellationToken cancellationToken = default);
}

/// <summary>The broadcaster produces the university's ceremonies: it builds the name reader's autocue from the running order.</summary>
public sealed partial class NameReadingAutocueService(
    ICeremonies ceremonies,
    IAutocue autocue,
    Pseudonymizer pseudonymizer,
    ILogger<NameReadingAutocueService> logger)
{
    private static readonly ActivitySource Source = new("Broadcast.Graduation.Autocue");
    private static readonly Meter Meter = new("Broadcast.Graduation.Autocue");
    private readonly GradcastRequestsCounter _requests = Meter.CreateGradcastRequestsCounter();
    private static readonly Histogram<long> Lines = Meter.CreateHistogram<long>("autocue.lines");
    private readonly List<string> _missingPhonetics = new();

    public async Task BuildAsync(string ceremonyId, string producerStaffNumber, CancellationToken cancellationToken)
    {
        var ceremony = await ceremonies.CeremonyAsync(ceremonyId, cancellationToken);
        using var span = Source.StartGradcastOperation(ceremony.Venue);
        span.SetGradcastStaffId(pseudonymizer.PseudonymizeGradcastStaffId(producerStaffNumber)); // clean generated-api
        span.SetGradcastProgramme(ceremonyId); // clean generated-api
        Activity.Current?.SetTag("autocue.producer", producerStaffNumber); // leak TC1001 direct
        Activity.Current?.SetTag("autocue.ceremony", ceremony); // clean logging-objects

        var order = await ceremonies.RunningOrderAsync(ceremonyId, cancellationToken);
        var lines = new List<AutocueLine>();
        foreach (var (graduand, position) in order.Select((g, i) => (g, i + 1)))
        {
            var text = $"{graduand.NameToRead}, {graduand.Award}, {graduand.Classification}";
            lines.Add(new AutocueLine(position, text, graduand.Phonetic));
            if (graduand.Phonetic is null)
            {
                _missingPhonetics.Add(graduand.NameToRead);
                LogNoPhonetic(logger, position, graduand.NameToRead); // leak TC1001 direct
                LogNoPhoneticRedacted(logger, position, graduand.NameToRead); // clean direct
            }

            if (position == 1)
            {
                Activity.Current?.AddEvent(new ActivityEvent("autocue.first", tags: new ActivityTagsCollection { ["line"] = text })); // leak TC1001 strings
                Activity.Current?.AddEvent(new ActivityEvent("autocue.first", tags: new ActivityTagsCollection { ["award"] = graduand.Award, ["position"] = position })); // clean strings
            }
        }

        span.SetGradcastItemCount(lines.Count); // clean generated-api
        Lines.Record(lines.Count, new KeyValuePair<string, object?>("venue", ceremony.Venue)); // clean direct
        logger.LogInformation("Autocue lines {@Lines}", lines); // leak TC1001 logging-objects
        logger.LogInformation("Autocue for {Ceremony} has {Count} lines, {Missing} without phonetics", ceremonyId, lines.Count, lines.Count(l => l.Phonetic is null)); // clean logging-objects

        try
        {
            await autocue.PushAsync(ceremonyId, lines, cancellationToken);
            _requests.Add(1, ceremony.Venue, "pushed"); // clean generated-api
        }
        catch (TimeoutException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogGradcastOperationFailedEvent(ceremony.Venue, "autocue-timeout", default, ex.GetType().Name); // clean generated-api
        }
    }

    public void ReportMissing()
    {
        Activity.Current?.SetTag("autocue.missing_phonetics", string.Join("; ", _missingPhonetics)); // leak TC1001 cross-member
        Activity.Current?.SetTag("autocue.missing_phonetics_count", _missingPhonetics.Count); // clean cross-member
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Warning, Message = "Line {Position}: no phonetic spelling for {Name}")]
    private static partial void LogNoPhonetic(ILogger logger, int position, string name);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Warning, Message = "Line {Position}: no phonetic spelling for {Name}")]
    private static partial void LogNoPhoneticRedacted(ILogger logger, int position, [PrivateData] string name);
}
