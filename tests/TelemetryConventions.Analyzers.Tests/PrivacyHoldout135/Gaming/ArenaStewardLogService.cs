namespace PrivacyHoldout135.Gaming;

/// <summary>Stewards' and security officers' occurrence book at the esports arena on tournament days.</summary>
public sealed partial class ArenaStewardLogService(IOccurrenceBook book, Pseudonymizer pseudonymizer, ILogger<ArenaStewardLogService> logger)
{
    private static readonly ActivitySource Source = new("Arena.Security.OccurrenceBook");
    private static readonly Meter Meter = new("Arena.Security.OccurrenceBook");
    private static readonly ArenasafeReportsCounter Reports = Meter.CreateArenasafeReportsCounter();
    private static readonly Counter<long> Ejections = Meter.CreateCounter<long>("arena.ejections", "{ejection}");

    private readonly List<StewardDeployment> _onPost = new();

    public void Deploy(StewardDeployment deployment)
    {
        _onPost.Add(deployment);
        Activity.Current?.SetTag("arena.post", deployment.Post); // clean precision-names
        Activity.Current?.SetTag("arena.event.id", deployment.EventId); // clean precision-names
        LogDeployed(logger, deployment.Post, deployment.SiaLicence); // leak TC1001 direct
        LogDeployedRedacted(logger, deployment.Post, deployment.StewardName, deployment.Mobile); // clean generated-api
    }

    public async Task WriteAsync(OccurrenceEntry entry, string venue, CancellationToken ct)
    {
        await book.AppendAsync(entry, ct);
        using var span = Source.StartArenasafeReport(entry.EntryId);
        span.SetArenasafeVenue(venue); // clean precision-names
        span.Activity?.SetTag("arena.post", entry.Post); // clean precision-names
        span.Activity?.SetTag("arena.entry.text.length", entry.Text.Length); // clean precision-about
        span.Activity?.SetTag("arena.entry.text", entry.Text); // leak TC1001 direct
        span.Activity?.SetTag("arena.entry.officer", entry.OfficerSiaLicence); // leak TC1001 cross-member
        span.SetArenasafeReporterId(pseudonymizer.PseudonymizeArenasafeReporterId(entry.OfficerSiaLicence)); // clean precision-pseudonym
        Reports.Add(1, venue, "occurrence", "logged"); // clean generated-api
    }

    public void Eject(ExclusionNotice notice, string venue, string seat)
    {
        using var span = Source.StartArenasafeReport(notice.NoticeId);
        span.SetArenasafeCategory("ejection"); // clean precision-names
        span.Activity?.SetTag("arena.seat", seat); // clean precision-names
        span.Activity?.SetTag("arena.ban.until", notice.Until.ToString("O", CultureInfo.InvariantCulture)); // clean precision-about
        span.Activity?.SetTag("arena.ban.ticket_holder", notice.SubjectRef); // leak TC1001 cross-member
        Ejections.Add(1, new KeyValuePair<string, object?>("venue", venue), new KeyValuePair<string, object?>("reason", notice.Reason)); // clean precision-about
        logger.LogWarning("Ejected {SubjectName} from {Seat} until {Until}", notice.SubjectName, seat, notice.Until); // leak TC1001 direct
    }

    public void EndOfShift()
    {
        logger.LogInformation("{Count} stewards stood down", _onPost.Count); // clean precision-about
        logger.LogInformation("Stewards stood down: {Stewards}", _onPost); // leak TC1001 logging-objects
        logger.LogInformation("Posts stood down: {Posts}", string.Join(", ", _onPost.Select(s => s.Post))); // clean logging-objects
        _onPost.Clear();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Steward on post {Post} with licence {SiaLicence}")]
    private static partial void LogDeployed(ILogger logger, string post, string siaLicence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Steward {StewardName} on post {Post}, mobile {Mobile}")]
    private static partial void LogDeployedRedacted(ILogger logger, string post, [PrivateData] string stewardName, [PrivateData] string mobile);
}
