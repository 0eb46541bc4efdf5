namespace PrivacyHoldout155.Media;

/// <summary>
/// A documentary about people seeking asylum: contributors' consent, anonymity and the blur list sent to the edit,
/// so that nobody who asked to be hidden is recognisable on air.
/// </summary>
public sealed partial class ContributorProtectionHandler(
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ContributorProtectionHandler> logger)
{
    private readonly Counter<long> _anonymised = meter.CreateCounter<long>("contributors.anonymised", "{contributor}");

    public void Consent(Contributor contributor, string hoReference)
    {
        using var span = source.StartCrewOperation("prod-asylum-doc");
        span.SetCrewContributorId(pseudonymizer.PseudonymizeCrewContributorId(contributor.ContributorId)); // clean generated-api
        span.SetCrewNote(contributor.Anonymise ? "anonymised" : "named"); // clean generated-api
        span.SetCrewMemberId(Pseudonym.FromComputed(contributor.ContributorId)); // leak TC1001 precision-pseudonym
        Activity.Current?.SetTag("contributor.story", contributor.StoryId); // clean precision-about
        Activity.Current?.SetTag("contributor.anonymise", contributor.Anonymise); // clean precision-about
        Activity.Current?.SetTag("contributor.name", contributor.Name); // leak TC1001 direct
        Activity.Current?.SetTag("contributor.case", hoReference); // leak TC1001 direct
        Activity.Current?.SetTag("contributor.case_bucket", Bucket(hoReference)); // clean hashes
        Activity.Current?.SetTag("contributor.case_hash", HashCode.Combine(hoReference)); // leak TC1002 hashes
        ConsentRecorded(logger, contributor.StoryId, contributor.Name); // clean logging-objects
        ConsentRecordedPlain(logger, contributor.StoryId, contributor.ContributorId); // leak TC1001 logging-objects
        if (contributor.Anonymise)
        {
            _anonymised.Add(1, new KeyValuePair<string, object?>("story", contributor.StoryId)); // clean precision-about
            _anonymised.Add(1, new KeyValuePair<string, object?>("contributor", pseudonymizer.PseudonymizeCrewContributorId(contributor.ContributorId))); // leak TC1003 precision-pseudonym
        }
        logger.LogInformation("Consent recorded: {Contributor}", contributor); // leak TC1001 logging-objects
    }

    public void BlurList(string storyId, IEnumerable<Contributor> contributors)
    {
        var hidden = contributors.Where(c => c.Anonymise).ToList();
        logger.LogInformation("Blur list for {Story} has {Count} people", storyId, hidden.Count); // clean precision-about
        logger.LogInformation("Blur list for {Story}: {Ids}", storyId, string.Join(';', hidden.Select(c => c.ContributorId))); // leak TC1001 strings
        logger.LogInformation("Blur list for {Story}: {Pseudonyms}", storyId, string.Join(';', hidden.Select(c => pseudonymizer.ComputeCrewContributorId(c.ContributorId)))); // clean precision-pseudonym
    }

    private string Bucket(string reference) =>
        (BitConverter.ToUInt32(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(reference))) % 64).ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Consent for {Story} from {ContributorName}")]
    private static partial void ConsentRecorded(ILogger logger, string story, [PrivateData] string contributorName);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Consent for {Story} from contributor {ContributorId}")]
    private static partial void ConsentRecordedPlain(ILogger logger, string story, string contributorId);
}
