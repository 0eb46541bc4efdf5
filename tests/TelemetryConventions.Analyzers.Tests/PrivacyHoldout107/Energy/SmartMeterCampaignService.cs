namespace PrivacyHoldout107.Energy;

/// <summary>A household still on a legacy meter, as the billing system lists it. Prints its members.</summary>
public sealed record LegacyMeterHousehold(string AccountNumber, string Mpan, string MeterSerial, string Email, string FirstName, string Region, string Tariff);

/// <summary>Builds the smart meter installation audience and hands it to the marketing platform.</summary>
public sealed class SmartMeterCampaignService(
    IMarketingClient marketing,
    Pseudonymizer pseudonymizer,
    ILogger<SmartMeterCampaignService> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Crm.SmartMeterCampaign");
    private static readonly Meter Meter = new("Supplier.Crm.SmartMeterCampaign");
    private static readonly Counter<long> AudienceRows = Meter.CreateCounter<long>("enrcrm.audience.rows");
    private static readonly EnrcrmSyncedCounter Synced = Meter.CreateEnrcrmSyncedCounter();

    public async Task BuildAudienceAsync(string listId, IReadOnlyList<LegacyMeterHousehold> households, CancellationToken cancellationToken)
    {
        using var span = Source.StartEnrcrmSync("smart meter audience");
        span.SetEnrcrmSegment("legacy-meter"); // clean precision-names
        span.SetEnrcrmBatchSize(households.Count); // clean precision-about

        var members = households.Select(h => new AudienceMember(h.AccountNumber, h.Email, h.FirstName)).ToList();
        var list = new AudienceList(listId, "smart-meter-2024");
        list.Members.AddRange(members);
        logger.LogInformation("Uploading audience {List} with {Count} members", list, list.Members.Count); // clean logging-objects
        logger.LogDebug("First audience member {Member}", members.FirstOrDefault()); // leak TC1001 logging-objects

        var written = await marketing.UpsertAudienceMembersAsync(listId, members, cancellationToken);
        span.SetEnrcrmOutcome(written == members.Count ? "complete" : "partial"); // clean precision-about

        foreach (var region in households.GroupBy(h => h.Region))
        {
            AudienceRows.Add(region.Count(), new KeyValuePair<string, object?>("region", region.Key)); // clean precision-names
        }

        var oldest = households.Where(h => h.MeterSerial.StartsWith("E6", StringComparison.Ordinal)).ToList();
        logger.LogInformation("{Count} households on E6 meters, model prefixes {Prefixes}", oldest.Count, string.Join(",", oldest.Select(h => h.MeterSerial[..3]).Distinct())); // clean precision-about
        logger.LogInformation("E6 meters in audience: {Serials}", string.Join(",", oldest.Select(h => h.MeterSerial))); // leak TC1001 strings
        span.Activity?.SetTag("enrcrm.first.mpan", households.FirstOrDefault()?.Mpan); // leak TC1001 direct
        Synced.Add(written, "uploaded", "legacy-meter"); // clean precision-about
    }

    public async Task TriggerAsync(string campaignId, IReadOnlyList<LegacyMeterHousehold> households, CancellationToken cancellationToken)
    {
        using var span = Source.StartEnrcrmSend(campaignId);
        span.SetEnrcrmChannel("email"); // clean precision-names
        var ids = households.Select(h => h.AccountNumber).ToList();
        try
        {
            var result = await marketing.TriggerCampaignAsync(new CampaignSend(campaignId, "legacy-meter", "email", DateTimeOffset.UtcNow), ids, cancellationToken);
            span.SetEnrcrmBatchSize(result.Accepted); // clean precision-about
            span.Activity?.SetTag("dispatch.id", result.DispatchId); // clean precision-names
            span.Activity?.SetTag("rejected.accounts", string.Join(",", result.Errors.Select(e => e.Recipient))); // leak TC1001 strings
        }
        catch (MarketingApiException ex) when (ex.Status >= 500)
        {
            logger.LogWarning(ex, "Marketing platform unavailable ({Status})", ex.Status); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }
        catch (MarketingApiException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogEnrcrmSyncFailedEvent(ex.Code, "legacy-meter", pseudonymizer.PseudonymizeEnrcrmCustomerId(ids[0])); // clean precision-pseudonym
        }
    }
}
