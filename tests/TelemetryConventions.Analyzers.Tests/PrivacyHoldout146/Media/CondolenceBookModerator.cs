namespace PrivacyHoldout146.Media;

/// <summary>Moderates messages left in the broadcaster's online condolence books.</summary>
public sealed class CondolenceBookModerator(
    IObituaryDesk desk,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    LifeEventsOptions options,
    ILogger<CondolenceBookModerator> logger)
{
    private static readonly Meter BookMeter = new("Broadcaster.CondolenceBooks");
    private static readonly Counter<long> Verdicts = BookMeter.CreateCounter<long>("condolence.verdicts");

    private readonly Dictionary<string, List<string>> _rejectedByAuthorEmail = new();

    public async Task<ModerationVerdict> ModerateAsync(CondolenceEntry entry, CancellationToken cancellationToken)
    {
        using var span = source.StartDedicationOperation(options.Station);
        span.SetDedicationListenerId(pseudonymizer.PseudonymizeDedicationListenerId(entry.AuthorEmail)); // clean precision-pseudonym
        Activity.Current?.SetTag("condolence.book_id", entry.BookId); // clean precision-names
        Activity.Current?.SetTag("condolence.author_email_domain", entry.AuthorEmail.Split('@')[^1]); // clean precision-about
        Activity.Current?.SetTag("condolence.author_key", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(entry.AuthorEmail.ToLowerInvariant())))); // leak TC1002 hashes
        Activity.Current?.SetTag("condolence.author_sample", HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(entry.AuthorEmail))[0] < 26); // clean hashes
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["EntryId"] = entry.EntryId, ["BookId"] = entry.BookId }); // clean precision-names
        var verdict = await desk.ModerateAsync(entry, cancellationToken);
        logger.LogInformation("Verdict {@Verdict}", verdict); // clean logging-objects
        Verdicts.Add(1, new KeyValuePair<string, object?>("verdict", verdict.Verdict), new KeyValuePair<string, object?>("rule", verdict.Rule)); // clean precision-about
        meter.CreateDedicationModerationDurationHistogram().Record(1.5, dedicationStation: options.Station); // clean generated-api
        if (verdict.Verdict == "rejected")
        {
            if (!_rejectedByAuthorEmail.TryGetValue(entry.AuthorEmail, out var texts))
            {
                _rejectedByAuthorEmail[entry.AuthorEmail] = texts = new List<string>();
            }

            texts.Add(entry.Text);
            logger.LogWarning("Rejected condolence {Entry}", entry); // leak TC1001 logging-objects
            logger.LogWarning("Rejected text: {Text}", entry.Text); // leak TC1001 direct
            span.SetDedicationOutcome(verdict.Rule); // clean generated-api
            Activity.Current?.SetTag(DedicationAttributes.Contact, entry.AuthorEmail); // leak TC1001 generated-api
        }

        return verdict;
    }

    public void ReportRepeatOffenders()
    {
        foreach (var (authorEmail, texts) in _rejectedByAuthorEmail.Where(p => p.Value.Count > 2))
        {
            logger.LogWarning("Repeat rejections from {Author}: {Count}", authorEmail, texts.Count); // leak TC1001 cross-member
        }

        Activity.Current?.SetTag("condolence.repeat_offenders", _rejectedByAuthorEmail.Count(p => p.Value.Count > 2)); // clean cross-member
        Activity.Current?.SetTag("condolence.rejected_texts", _rejectedByAuthorEmail.Values.SelectMany(t => t).ToArray()); // leak TC1001 cross-member
    }
}
