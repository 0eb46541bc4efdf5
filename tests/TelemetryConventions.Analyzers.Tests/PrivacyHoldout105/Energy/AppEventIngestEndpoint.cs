namespace PrivacyHoldout105.Energy;

/// <summary>One event of the energy app. Prints its members (the properties as their type's name).</summary>
public sealed record AppEvent(string Name, DateTimeOffset At, Dictionary<string, string> Props);

/// <summary>A batch the app posts when it goes to the background. Prints its members (the events as their type's name).</summary>
public sealed record AppEventBatch(string InstallId, string? AccountNumber, string AppVersion, string Os, List<AppEvent> Events);

/// <summary>
/// The app's event ingestion endpoint: batches of screen views and taps, keyed by the app's install id and, once
/// the customer signs in, their account number. Meter screens carry the smart meter's serial; deep links carry the
/// account number (<c>energyapp://accounts/{accountNumber}/bills/{billId}</c>).
/// </summary>
[ApiController]
[Route("v1/app-events")]
public sealed class AppEventIngestEndpoint(
    IEventStream stream,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<AppEventIngestEndpoint> logger) : ControllerBase
{
    private static readonly HashSet<string> Known = ["screen_view", "meter_viewed", "tariff_tapped", "deep_link_opened", "bill_downloaded"];

    private readonly Counter<int> _received = meter.CreateCounter<int>("app.events.received", "{event}");

    [HttpPost]
    public async Task<ActionResult> Post([FromBody] AppEventBatch batch, CancellationToken ct)
    {
        var activity = Activity.Current;
        activity?.SetTag("app.install.id", batch.InstallId); // leak TC1001 direct
        activity?.SetTag("app.version", batch.AppVersion); // clean precision-about
        activity?.SetTag("os.type", batch.Os); // clean precision-about
        activity?.SetTag("app.events", batch.Events.Count); // clean precision-about
        logger.LogInformation("App batch {Batch}", batch); // leak TC1001 logging-objects
        _received.Add(batch.Events.Count, new KeyValuePair<string, object?>("app.version", batch.AppVersion)); // clean precision-about
        _received.Add(batch.Events.Count, new KeyValuePair<string, object?>("app.account", batch.AccountNumber)); // leak TC1003 direct

        using var span = source.StartHomeclickCollect("app_batch").SetHomeclickEventCount(batch.Events.Count); // clean generated-api
        span.SetHomeclickVisitorId(pseudonymizer.PseudonymizeHomeclickVisitorId(batch.InstallId)); // clean precision-pseudonym
        if (batch.AccountNumber is { } accountNumber)
        {
            span.SetHomeclickHolderId(pseudonymizer.PseudonymizeHomeclickHolderId(accountNumber)); // clean precision-pseudonym
        }

        foreach (var ev in batch.Events)
        {
            if (!Known.Contains(ev.Name))
            {
                logger.LogHomeclickEventRejectedEvent(ev.Name, "unknown", homeclickNote: $"app {batch.AppVersion} on {batch.Os}"); // clean generated-api
                logger.LogHomeclickEventRejectedEvent(ev.Name, "unknown", homeclickNote: $"from install {batch.InstallId}"); // leak TC1001 generated-api
                continue;
            }

            logger.LogDebug("Event {Name} skew {SkewSeconds:F0}s", ev.Name, (DateTimeOffset.UtcNow - ev.At).TotalSeconds); // clean precision-about
            logger.LogDebug("Event {Name} props {Props}", ev.Name, ev.Props); // leak TC1001 logging-objects
            switch (ev.Name)
            {
                case "meter_viewed":
                    activity?.AddEvent(new ActivityEvent("app.meter_viewed", tags: new ActivityTagsCollection { ["meter"] = ev.Props["meter_serial"] })); // leak TC1001 cross-member
                    activity?.AddEvent(new ActivityEvent("app.meter_viewed", tags: new ActivityTagsCollection { ["meter.model"] = ev.Props["meter_serial"][..3] })); // clean precision-about
                    break;
                case "screen_view":
                    activity?.SetTag("app.screen", ev.Props.GetValueOrDefault("screen")); // clean strings
                    break;
                case "deep_link_opened":
                    activity?.SetTag("app.deep_link", ev.Props["deep_link"]); // leak TC1001 strings
                    activity?.SetTag("app.deep_link.scheme", new Uri(ev.Props["deep_link"]).Scheme); // clean strings
                    break;
            }
            meter.CreateHomeclickEventsCounter().Add(1, ev.Name, homeclickOutcome: "accepted"); // clean generated-api
        }

        await stream.PutAsync("app-events", batch.InstallId, JsonSerializer.SerializeToUtf8Bytes(batch), ct);
        return Ok();
    }
}
