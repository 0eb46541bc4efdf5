namespace PrivacyHoldout136.Transport;

/// <summary>Station car park enforcement: civil enforcement officers' handheld PCNs, payments and appeals.</summary>
public sealed class StationCarParkPenaltyService(
    IParkingStore store,
    ILogger<StationCarParkPenaltyService> logger,
    ActivitySource activitySource,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly StationparkEntriesCounter _notices = meter.CreateStationparkEntriesCounter();
    private readonly Counter<long> _appeals = meter.CreateCounter<long>("stationpark.appeals");

    public async Task IssueAsync(PenaltyChargeNotice notice, CancellationToken cancellationToken)
    {
        using var span = activitySource.StartStationparkAccess(notice.CarParkId);
        span.SetStationparkStaffId(pseudonymizer.PseudonymizeStationparkStaffId(notice.OfficerId)); // clean precision-pseudonym
        span.Activity?.SetTag("pcn.number", notice.PcnNumber); // clean precision-names
        span.Activity?.SetTag("pcn.contravention", notice.ContraventionCode); // clean precision-names
        span.Activity?.SetTag("pcn.amount", (double)notice.Amount); // clean precision-about
        span.Activity?.SetTag("pcn.vrm", notice.Vrm); // leak TC1001 cross-member
        span.Activity?.SetTag("pcn.summary", string.Format(CultureInfo.InvariantCulture, "{0} {1} {2}", notice.PcnNumber, notice.Vrm, notice.ContraventionCode)); // leak TC1001 strings
        await store.SavePcnAsync(notice, cancellationToken);
        _notices.Add(1, notice.CarParkId, stationparkOutcome: "issued"); // clean generated-api
        _notices.Add(0, notice.CarParkId, stationparkOutcome: notice.OfficerId); // leak TC1003 generated-api
        logger.LogInformation("PCN {PcnNumber} issued by officer {OfficerId}", notice.PcnNumber, notice.OfficerId); // leak TC1001 direct
    }

    public async Task AppealAsync(PcnAppeal appeal, CancellationToken cancellationToken)
    {
        using var span = activitySource.StartStationparkAccess("appeals");
        span.Activity?.SetTag("appeal.id", appeal.AppealId); // clean precision-names
        span.Activity?.SetTag("appeal.grounds", appeal.Grounds); // clean precision-names
        span.Activity?.SetTag("appeal.statement_words", appeal.Statement.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        try
        {
            var notice = await store.FindPcnAsync(appeal.PcnNumber, cancellationToken);
            if (notice is null || notice.IssuedAt < DateTimeOffset.UtcNow.AddDays(-28))
            {
                throw new AppealWindowClosedException(appeal.PcnNumber, DateOnly.FromDateTime(DateTime.UtcNow));
            }

            span.SetStationparkNote(appeal.Statement); // leak TC1001 generated-api
            logger.LogInformation("Appeal {AppealId} from {AppellantEmail}", appeal.AppealId, appeal.AppellantEmail); // leak TC1001 direct
            _appeals.Add(1, new KeyValuePair<string, object?>("grounds", appeal.Grounds)); // clean precision-names
        }
        catch (AppealWindowClosedException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogInformation(ex, "Appeal {AppealId} out of time", appeal.AppealId); // clean exceptions
            logger.LogInformation("Late appeal {@Appeal}", appeal); // leak TC1001 logging-objects
        }
    }
}
