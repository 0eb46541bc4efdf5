namespace PrivacyHoldout151.Transport;

/// <summary>Taps of concessionary passes from the buses' readers (the topic is keyed by vehicle), reimbursed to operators per journey.</summary>
public sealed partial class PassTapConsumer(
    IConsumer<string, PassTap> consumer,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<PassTapConsumer> logger) : BackgroundService
{
    private readonly Counter<long> _taps = meter.CreateCounter<long>("concession.taps");
    private readonly HashSet<string> _hotlist = new(StringComparer.Ordinal);

    public void Hotlist(string passNumber) => _hotlist.Add(passNumber);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            var tap = result.Message.Value;
            using var span = source.StartConcessionOperation("metro-buses");
            Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-about
            Activity.Current?.SetTag("concession.route", tap.Route); // clean precision-about
            Activity.Current?.SetTag("concession.stop", tap.StopCode); // clean precision-about
            Activity.Current?.SetTag("concession.vehicle", tap.VehicleId); // clean precision-names
            span.SetConcessionHolderId(pseudonymizer.PseudonymizeConcessionHolderId(tap.PassNumber)); // clean precision-pseudonym
            _taps.Add(1, new KeyValuePair<string, object?>("route", tap.Route), new KeyValuePair<string, object?>("hour", tap.At.Hour)); // clean precision-about
            _taps.Add(1, new KeyValuePair<string, object?>("pass", tap.PassNumber)); // leak TC1003 direct
            meter.CreateConcessionTapsCounter().Add(1, concessionOperator: "metro-buses", concessionOutcome: "accepted"); // clean generated-api

            try
            {
                if (_hotlist.Contains(tap.PassNumber))
                {
                    throw new PassHotlistedException(tap.PassNumber);
                }
                LogTap(logger, tap.Route, tap.StopCode, tap.PassNumber); // leak TC1001 logging-objects
                LogTapRedacted(logger, tap.Route, tap.PassNumber); // clean logging-objects
                logger.LogDebug("Tap {Tap}", tap); // leak TC1001 logging-objects
                logger.LogDebug($"Tap on {tap.Route} at {tap.StopCode}, bus {tap.VehicleId}"); // clean strings
            }
            catch (PassHotlistedException ex)
            {
                span.SetConcessionOutcome("hotlisted"); // clean generated-api
                span.SetConcessionNote(ex.Message); // leak TC1001 exceptions
                span.RecordException(ex); // clean exceptions
                logger.LogWarning("Hotlisted pass {PassNumber} tapped on {Route}", tap.PassNumber, tap.Route); // leak TC1001 direct
                logger.LogWarning("Hotlisted pass tapped on {Route}; {Hotlisted} passes on the hotlist", tap.Route, _hotlist.Count); // clean precision-about
            }
            consumer.Commit(result);
        }
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Tap on {Route} at {Stop} by pass {PassNumber}")]
    private static partial void LogTap(ILogger logger, string route, string stop, string passNumber);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Tap on {Route} by pass {PassNumber}")]
    private static partial void LogTapRedacted(ILogger logger, string route, [PrivateData] string passNumber);
}
