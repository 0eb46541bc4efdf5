namespace PrivacyHoldout88.Energy;

/// <summary>A household on the priority services register (medical equipment, elderly, young children).</summary>
public sealed record PsrHousehold(string AccountNumber, string HolderName, string Phone, string Postcode, IReadOnlyList<string> Needs);

public sealed record OutageIncident(string IncidentRef, string Feeder, string Dno, int CustomersOff, DateTimeOffset StartedAt);

/// <summary>
/// In a power cut, the vulnerable-customer team is paged with the households on the register behind the
/// feeder, so they can be phoned within the hour.
/// </summary>
public sealed partial class PsrOutagePager(
    IEventsApiClient events,
    IChatWebhook chat,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    AlertingOptions options,
    ILogger<PsrOutagePager> logger)
{
    private readonly Counter<long> _households = meter.CreateCounter<long>("gridpage.psr.households", "{household}");

    public async Task PageAsync(OutageIncident outage, IReadOnlyList<PsrHousehold> households, CancellationToken cancellationToken)
    {
        using var span = source.StartGridpagePage("psr-outage", households.Any(h => h.Needs.Contains("medical-equipment")) ? "critical" : "error");
        span.SetGridpageIncidentId(outage.IncidentRef); // clean precision-names
        span.SetGridpageCheck($"{outage.Dno}:{outage.Feeder}"); // clean precision-about
        logger.LogWarning("Outage {Outage} has {Households} PSR households behind it", outage, households.Count); // clean logging-objects
        _households.Add(households.Count, new KeyValuePair<string, object?>("dno", outage.Dno), new KeyValuePair<string, object?>("feeder", outage.Feeder)); // clean precision-about

        foreach (var household in households)
        {
            span.SetGridpageAccountId(pseudonymizer.PseudonymizeGridpageAccountId(household.AccountNumber)); // clean precision-pseudonym
            LogHousehold(logger, household.AccountNumber, household.Needs.Count); // leak TC1001 direct
            logger.LogDebug("Call list entry {Household}", household); // leak TC1001 logging-objects
            Activity.Current?.AddEvent(new ActivityEvent("psr.household", tags: new() { ["district"] = household.Postcode.Split(' ')[0], ["needs"] = household.Needs.Count })); // clean precision-about
            _households.Add(1, new KeyValuePair<string, object?>("account", pseudonymizer.ComputeGridpageAccountId(household.AccountNumber).ToString())); // leak TC1003 precision-pseudonym
        }

        var callList = households.Select(h => $"{h.HolderName} {h.Phone}").ToList();
        var message = new ChatMessage { Channel = options.AlertsChannelId, Text = $"{Mention.Here} PSR call list for {outage.IncidentRef}" };
        message.Attachments.Add(new Attachment("#ff9900", "Call list", string.Join("\n", callList)));
        await chat.PostAsync(message, cancellationToken);
        logger.LogInformation("Posted PSR call list {Attachment}", message.Attachments[0]); // leak TC1001 logging-objects
        logger.LogInformation("Posted PSR call list of {Lines} lines to {Channel}", callList.Count, message.Channel); // clean precision-about

        var enqueued = await events.EnqueueAsync(
            new AlertEvent(options.RoutingKey, EventAction.Trigger, DedupKeys.Of("psr-outage", outage.IncidentRef),
                new AlertPayload($"{households.Count} PSR households off supply on {outage.Feeder}", "outage-feed", AlertSeverity.Critical)),
            cancellationToken);
        span.SetGridpageOutcome(enqueued.Status); // clean precision-about
        meter.CreateGridpagePagesSentCounter().Add(1, "psr-outage", "critical", gridpageOutcome: enqueued.Status); // clean precision-about
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PSR account {AccountNumber} with {Needs} needs added to call list")]
    private static partial void LogHousehold(ILogger logger, string accountNumber, int needs);
}
