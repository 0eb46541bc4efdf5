namespace PrivacyHoldout151.Healthcare;

/// <summary>Electronic call monitoring: reads carers' check-ins from the monitoring queue, flags late and missed visits.</summary>
public sealed partial class HomeCareVisitMonitor(
    IQueueReceiver<HomeCareVisit> checkIns,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    WelfareOptions options,
    ILogger<HomeCareVisitMonitor> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Council.AdultCare.VisitMonitor");
    private readonly Histogram<double> _lateness = meter.CreateHistogram<double>("homecare.visit.lateness", "min");
    private readonly Dictionary<string, int> _missedByCarer = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var visit = await checkIns.ReceiveAsync(stoppingToken);
            if (visit is null)
            {
                continue;
            }
            using var activity = Source.StartActivity("homecare.visit.check");
            activity?.SetTag("homecare.visit.id", visit.VisitId); // clean precision-names
            activity?.SetTag("homecare.carer.id", visit.CarerStaffId); // leak TC1001 direct
            activity?.SetTag("homecare.carer.shard", Shard(visit.CarerStaffId)); // clean hashes
            activity?.SetTag("homecare.person.ref", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(visit.PersonId)))[..12]); // leak TC1002 hashes

            if (visit.CheckedIn is not { } checkedIn)
            {
                Missed(visit, activity);
                continue;
            }

            var lateMinutes = (checkedIn - visit.Due).TotalMinutes;
            _lateness.Record(lateMinutes, new KeyValuePair<string, object?>("late", lateMinutes > options.MissedVisitGraceMinutes)); // clean precision-about
            meter.CreateAdultcareVisitLatenessHistogram().Record(lateMinutes * 60, adultcareArea: options.Region); // clean generated-api
            activity?.SetTag("homecare.checkin.lat", visit.Latitude); // leak TC1001 direct
            activity?.SetTag("homecare.checkin.lat_rounded", Math.Round(visit.Latitude, 1)); // clean precision-about
            if (lateMinutes > options.MissedVisitGraceMinutes)
            {
                LogLateVisit(logger, visit.VisitId, visit.CarerName, (int)lateMinutes); // clean logging-objects
                LogLateVisitForRota(logger, visit.VisitId, visit.CarerName); // leak TC1001 logging-objects
            }
            meter.CreateAdultcareVisitsCounter().Add(1, adultcareArea: options.Region, adultcareOutcome: lateMinutes > options.MissedVisitGraceMinutes ? "late" : "on-time"); // clean generated-api
        }
    }

    private void Missed(HomeCareVisit visit, Activity? activity)
    {
        _missedByCarer[visit.CarerStaffId] = _missedByCarer.GetValueOrDefault(visit.CarerStaffId) + 1;
        var ex = new VisitMissedException(visit.VisitId, visit.CarerName);
        activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
        activity?.SetTag("error.type", ex.GetType().Name); // clean exceptions
        logger.LogError(ex, "Visit missed"); // leak TC1001 exceptions
        meter.CreateAdultcareVisitsCounter().Add(1, adultcareArea: options.Region, adultcareOutcome: "missed"); // clean generated-api
        meter.CreateAdultcareVisitsCounter().Add(1, adultcareArea: options.Region, adultcareOutcome: $"missed:{visit.CarerStaffId}"); // leak TC1003 generated-api
    }

    public void ReportRound()
    {
        logger.LogInformation("Missed visits this round by carer: {MissedByCarer}", _missedByCarer); // leak TC1001 cross-member
        logger.LogInformation("Carers with missed visits: {Carers}, visits missed: {Missed}", _missedByCarer.Count, _missedByCarer.Values.Sum()); // clean precision-about
        _missedByCarer.Clear();
    }

    private string Shard(string staffId) => (HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(staffId))[0] % 16).ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Visit {VisitId} was late: carer {CarerName}, {Minutes} minutes")]
    private static partial void LogLateVisit(ILogger logger, string visitId, [PrivateData] string carerName, int minutes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rota: visit {VisitId} late by {CarerName}")]
    private static partial void LogLateVisitForRota(ILogger logger, string visitId, string carerName);
}
