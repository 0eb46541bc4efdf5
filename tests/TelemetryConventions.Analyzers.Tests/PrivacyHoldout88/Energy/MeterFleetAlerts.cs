namespace PrivacyHoldout88.Energy;

public sealed record MeterAlarm(string MeterSerial, string Mpan, string FirmwareVersion, string Region, string AlarmCode, DateTimeOffset RaisedAt);

/// <summary>
/// Smart meter alarms from the DCC adapter. Fleet-wide alarms (a firmware version in a region) go to the
/// metering team's Teams channel and the paging service; a tamper alarm pages for the one meter.
/// </summary>
public sealed class MeterFleetAlerts(
    IEventsApiClient events,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    AlertingOptions options,
    ILogger<MeterFleetAlerts> logger)
{
    private static readonly Action<ILogger, string, string, Exception?> TamperRaised =
        LoggerMessage.Define<string, string>(LogLevel.Warning, new EventId(4101, "TamperRaised"), "Tamper alarm {AlarmCode} on meter {MeterSerial}");

    private readonly Counter<long> _alarms = meter.CreateCounter<long>("gridpage.meter.alarms", "{alarm}");

    public async Task RaiseFleetAlarmAsync(IReadOnlyList<MeterAlarm> alarms, CancellationToken cancellationToken)
    {
        var first = alarms[0];
        var check = $"{first.AlarmCode}-{first.FirmwareVersion}";
        using var span = source.StartGridpagePage("meter-fleet", alarms.Count > 500 ? "critical" : "warning");
        span.SetGridpageDedupKey(DedupKeys.Of($"meter-fleet-{first.Region}", check)); // clean precision-about
        _alarms.Add(alarms.Count, new KeyValuePair<string, object?>("firmware", first.FirmwareVersion), new KeyValuePair<string, object?>("region", first.Region)); // clean precision-about

        var card = new TeamsCard(
            $"{alarms.Count} meters raising {first.AlarmCode}",
            $"Firmware {first.FirmwareVersion} in {first.Region}. [Runbook]({Runbooks.For("meter-fleet", first.AlarmCode)})",
            "d00000",
            alarms.Take(5).Select(a => $"{a.MeterSerial} since {a.RaisedAt:t}").ToList());
        logger.LogWarning("Posting fleet card {Title}", card.Title); // clean strings
        logger.LogDebug("Fleet card {Card}", card); // clean logging-objects
        logger.LogDebug("Sample meters {Facts}", string.Join("; ", card.Facts)); // leak TC1001 strings

        var alert = new AlertEvent(options.RoutingKey, EventAction.Trigger, DedupKeys.Of("meter-fleet", check),
            new AlertPayload(card.Title, "dcc-adapter", AlertSeverity.Warning, "meter-fleet", first.Region)
            {
                CustomDetails = { ["firmware"] = first.FirmwareVersion, ["count"] = alarms.Count, ["sample_mpans"] = alarms.Take(5).Select(a => a.Mpan).ToArray() },
            });
        var enqueued = await events.EnqueueAsync(alert, cancellationToken);
        span.SetGridpageIncidentId(enqueued.DedupKey); // clean precision-names
        logger.LogInformation("Fleet alarm details {@Details}", alert.Payload!.CustomDetails); // leak TC1001 logging-objects
    }

    public async Task RaiseTamperAsync(MeterAlarm alarm, CancellationToken cancellationToken)
    {
        TamperRaised(logger, alarm.AlarmCode, alarm.MeterSerial, null); // leak TC1001 direct
        using var span = source.StartGridpagePage("meter-tamper", "error");
        span.SetGridpageCheck(alarm.AlarmCode); // clean precision-names
        span.SetGridpageDedupKey($"tamper:{alarm.MeterSerial}"); // leak TC1001 generated-api
        span.SetGridpageNote($"model {alarm.MeterSerial[..3]}, firmware {alarm.FirmwareVersion}"); // clean precision-about
        _alarms.Add(1, new KeyValuePair<string, object?>("meter", pseudonymizer.PseudonymizeGridpageAccountId(alarm.Mpan).ToString())); // leak TC1003 precision-pseudonym

        var alert = new AlertEvent(options.RoutingKey, EventAction.Trigger, $"tamper:{alarm.MeterSerial}",
            new AlertPayload($"Tamper {alarm.AlarmCode} on {alarm.MeterSerial} ({alarm.Mpan})", "dcc-adapter", AlertSeverity.Error));
        try
        {
            await events.EnqueueAsync(alert, cancellationToken);
        }
        catch (EventsApiException ex)
        {
            logger.LogError(ex, "Could not page tamper {Summary}", alert.Payload!.Summary); // leak TC1001 cross-member
        }
    }
}
