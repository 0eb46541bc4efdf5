namespace PrivacyHoldout149.Gaming;

/// <summary>
/// The esports integrity unit: puts match-fixing and cheating charges to the independent tribunal
/// and publishes sanctions to the league.
/// </summary>
public sealed partial class IntegrityTribunalService(
    IIntegrityPanel panel,
    TelemetrySecrets secrets,
    ILogger<IntegrityTribunalService> logger)
{
    private static readonly ActivitySource Source = new("Studio.Integrity");
    private static readonly Meter Meter = new("Studio.Integrity");
    private static readonly Counter<long> Charges = Meter.CreateCounter<long>("integrity.charges", "{charge}");
    private static readonly Counter<long> ChargesPerPlayer = Meter.CreateCounter<long>("integrity.charges.per_player", "{charge}");
    private static readonly Histogram<int> BanDays = Meter.CreateHistogram<int>("integrity.ban.days", "d");

    public async Task<TribunalRuling> ChargeAsync(IntegrityCharge charge, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("integrity.charge");
        activity?.SetTag("integrity.case.id", charge.CaseId);
        activity?.SetTag("integrity.team", charge.Team);
        activity?.SetTag("integrity.offence", charge.Offence);
        activity?.SetTag("integrity.gamertag", charge.Gamertag); // leak TC1001 direct
        activity?.SetTag("integrity.player.hash", new Guid(SHA256.HashData(charge.PlayerId.ToByteArray())[..16]).ToString()); // leak TC1002 hashes
        activity?.SetTag("integrity.player.cohort", HMACSHA256.HashData(secrets.PseudonymKey, charge.PlayerId.ToByteArray())[0] % 20); // clean hashes
        activity?.SetTag("integrity.notes.words", charge.PanelNotes.Split(' ').Length); // clean precision-about
        LogCharged(logger, charge.CaseId, charge.Gamertag, charge.Offence); // clean logging-objects
        LogPanelNotes(logger, charge.CaseId, charge.PanelNotes); // leak TC1001 logging-objects
        Charges.Add(1, new KeyValuePair<string, object?>("offence", charge.Offence), new KeyValuePair<string, object?>("team", charge.Team)); // clean precision-names
        ChargesPerPlayer.Add(1, new KeyValuePair<string, object?>("player", charge.PlayerId)); // leak TC1003 direct

        var ruling = await panel.HearAsync(charge, cancellationToken);
        BanDays.Record(ruling.BanDays, new KeyValuePair<string, object?>("sanction", ruling.Sanction)); // clean precision-names
        logger.LogInformation("Ruling {Ruling}", ruling); // clean logging-objects
        logger.LogInformation("Sanction {Sanction} for {Gamertag} ({Team})", ruling.Sanction, charge.Gamertag, charge.Team); // leak TC1001 direct
        activity?.AddEvent(new ActivityEvent("integrity.ruling", tags: new ActivityTagsCollection { ["sanction"] = ruling.Sanction, ["appealable"] = ruling.Appealable })); // clean precision-about
        activity?.AddEvent(new ActivityEvent("integrity.published", tags: new ActivityTagsCollection { ["headline"] = $"{charge.Gamertag} banned for {ruling.BanDays} days" })); // leak TC1001 strings
        return ruling;
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Case {CaseId}: {Gamertag} charged with {Offence}")]
    private static partial void LogCharged(ILogger logger, string caseId, [PrivateData] string gamertag, string offence);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Debug, Message = "Case {CaseId} panel notes: {Notes}")]
    private static partial void LogPanelNotes(ILogger logger, string caseId, string notes);
}
