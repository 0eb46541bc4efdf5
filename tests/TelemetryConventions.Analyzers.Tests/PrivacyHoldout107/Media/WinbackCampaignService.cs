namespace PrivacyHoldout107.Media;

/// <summary>A cancelled subscription from the billing events. Prints its members.</summary>
public sealed record CancelledSubscription(Guid SubscriberId, string Email, string ProfileName, string Plan, string Territory, string CancelReason, DateTimeOffset CancelledAt);

/// <summary>Syncs cancelled subscribers to the CRM and sends the win-back campaign a week later.</summary>
public sealed class WinbackCampaignService(
    ICrmServiceClient crm,
    IMarketingClient marketing,
    Pseudonymizer pseudonymizer,
    ILogger<WinbackCampaignService> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Crm.Winback");
    private static readonly Meter Meter = new("Streaming.Crm.Winback");
    private static readonly SubcrmSyncedCounter Synced = Meter.CreateSubcrmSyncedCounter();
    private static readonly SubcrmSendDurationHistogram Duration = Meter.CreateSubcrmSendDurationHistogram();
    private static readonly Counter<long> Cancellations = Meter.CreateCounter<long>("subcrm.cancellations");

    public async Task SyncAsync(CancelledSubscription cancelled, CancellationToken cancellationToken)
    {
        using var span = Source.StartSubcrmSync("winback sync");
        span.SetSubcrmSubscriberId(pseudonymizer.PseudonymizeSubcrmSubscriberId(cancelled.SubscriberId.ToString())); // clean precision-pseudonym
        span.SetSubcrmSegment($"winback-{cancelled.Plan}-{cancelled.Territory}"); // clean precision-names
        span.Activity?.SetTag("cancel.reason", cancelled.CancelReason); // clean precision-names
        Cancellations.Add(1, new TagList { { "plan", cancelled.Plan }, { "reason", cancelled.CancelReason }, { "territory", cancelled.Territory } }); // clean precision-names

        var contact = new Entity("contact");
        contact.KeyAttributes["sub_subscriberid"] = cancelled.SubscriberId;
        contact["emailaddress1"] = cancelled.Email;
        contact["sub_stage"] = "winback";
        var response = await crm.UpsertAsync(contact, cancellationToken);
        logger.LogInformation("Winback contact {Contact} for subscriber {Subscriber}", response.Target.Id, cancelled.SubscriberId); // leak TC1001 direct
        logger.LogInformation("Winback contact synced: {Attributes}", contact.Attributes); // leak TC1001 logging-objects
        logger.LogDebug("Winback contact synced, created {Created}, stage {Stage}", response.RecordCreated, contact["sub_stage"]); // clean precision-about
        Synced.Add(1, response.RecordCreated ? "created" : "updated", "winback"); // clean precision-about
        Synced.Add(1, "synced", cancelled.SubscriberId.ToString()); // leak TC1003 generated-api
    }

    public async Task SendAsync(string campaignId, IReadOnlyList<CancelledSubscription> due, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartSubcrmSend(campaignId);
        span.SetSubcrmChannel("email"); // clean precision-names
        var greeting = due.Count == 1 ? $"{due[0].ProfileName}, we miss you" : "We miss you";
        span.Activity?.SetTag("email.subject", greeting); // leak TC1001 strings
        span.Activity?.SetTag("email.subject.personalised", due.Count == 1); // clean precision-about

        var result = await marketing.TriggerCampaignAsync(new CampaignSend(campaignId, "winback", "email", DateTimeOffset.UtcNow), due.Select(d => d.SubscriberId.ToString()).ToList(), cancellationToken);
        span.SetSubcrmBatchSize(result.Accepted); // clean precision-about
        span.SetSubcrmOutcome(result.Rejected == 0 ? "sent" : "partial"); // clean precision-about
        logger.LogInformation("Winback send {Result}", result); // clean logging-objects
        logger.LogInformation("Winback refusals {Errors}", result.Errors); // leak TC1001 logging-objects
        logger.LogInformation("Winback refusal codes {Codes}", result.Errors.Select(e => e.Code).Distinct().ToList()); // clean logging-objects
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, campaignId, "email"); // clean precision-names
    }
}
