namespace PrivacyHoldout143.Media;

/// <summary>
/// The show's lost and found segment: viewers report animals they found, the production team reads the chip on the
/// national databases, and the keeper is told before the animal goes on air.
/// </summary>
public sealed partial class LostPetAppealService(
    IMicrochipDatabase chips,
    IOwnerMessenger messenger,
    ActivitySource source,
    Meter meter,
    PetCareOptions options,
    ILogger<LostPetAppealService> logger)
{
    private readonly Counter<long> _found = meter.CreateCounter<long>("rescuetv.found_reports", "{report}");

    private readonly List<FoundPetReport> _awaitingChipCheck = [];

    private string? _lastKeeperPostcode;

    public async Task SubmitFoundAsync(FoundPetReport report, string episode, CancellationToken cancellationToken)
    {
        using var span = source.StartRescuetvOperation(episode);
        span.SetRescuetvAppeal("lost-and-found");
        Activity.Current?.SetTag("rescuetv.found.species", report.Species); // clean precision-about
        Activity.Current?.SetTag("rescuetv.found.area", $"{report.Latitude:F1},{report.Longitude:F1}"); // clean strings
        Activity.Current?.SetTag("rescuetv.found.position", $"{report.Latitude},{report.Longitude}"); // leak TC1001 strings
        LogFound(logger, report.ReportId, report.FinderPhone); // leak TC1001 logging-objects
        _found.Add(1, new KeyValuePair<string, object?>("species", report.Species), new KeyValuePair<string, object?>("chipped", report.ChipNumber is not null)); // clean precision-about

        if (report.ChipNumber is null)
        {
            _awaitingChipCheck.Add(report);
            return;
        }

        try
        {
            var record = await chips.FindAsync(report.ChipNumber, cancellationToken) ?? throw new ChipNotRegisteredException(report.ChipNumber);
            _lastKeeperPostcode = record.KeeperPostcode;
            logger.LogInformation("Chip record {Record}", record); // leak TC1001 logging-objects
            logger.LogInformation("Chip on {Database}, keeper in {District}", record.Database, record.KeeperPostcode.Split(' ')[0]); // clean precision-about
            await messenger.SendAsync(options.LostPetAlertTemplateId, record.KeeperPhone, new Dictionary<string, string> { ["pet"] = record.PetName }, cancellationToken);
            Activity.Current?.AddEvent(new ActivityEvent("rescuetv.keeper.alerted", tags: new ActivityTagsCollection { ["rescuetv.keeper"] = record.KeeperName })); // leak TC1001 direct
            span.SetRescuetvOutcome("keeper-alerted");
        }
        catch (ChipNotRegisteredException ex)
        {
            Activity.Current?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            logger.LogRescuetvOperationFailedEvent(episode, "chip-unregistered", rescuetvNote: $"found report {report.ReportId}"); // clean generated-api
        }
        catch (ChipDatabaseUnavailableException ex)
        {
            Activity.Current?.SetTag("exception.message", ex.Message); // clean exceptions
            _awaitingChipCheck.Add(report);
        }
    }

    /// <summary>Called before each live show by the segment producer's dashboard.</summary>
    public void ReportBacklog()
    {
        logger.LogInformation("{Count} found reports await a chip check", _awaitingChipCheck.Count); // clean cross-member
        logger.LogInformation("Awaiting a chip check {Reports}", _awaitingChipCheck); // leak TC1001 cross-member
        logger.LogInformation("Awaiting a chip check {ReportIds}", _awaitingChipCheck.Select(r => r.ReportId)); // clean cross-member
        Activity.Current?.SetTag("rescuetv.last_keeper.postcode", _lastKeeperPostcode); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Found report {ReportId} from {FinderPhone}")]
    private static partial void LogFound(ILogger logger, string reportId, string finderPhone);
}
