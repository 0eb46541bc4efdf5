namespace PrivacyHoldout105.Retail;

/// <summary>
/// Reverse ETL of the "back in stock" audience to the SMS tool: customer number, mobile number and favourite
/// categories. The SMS tool's error messages quote the number they refused. Opt-outs are read back from it.
/// </summary>
public sealed partial class CdpProfileSync(
    IProfileStore profiles,
    IDestinationClient sms,
    ActivitySource source,
    ILogger<CdpProfileSync> logger)
{
    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Customer {CustomerNumber} opted out of {Channel}")]
    private static partial void LogOptOut(ILogger logger, string customerNumber, string channel);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Information, Message = "Customer {CustomerNumber} opted out of {Channel} (classified)")]
    private static partial void LogOptOutClassified(ILogger logger, [PrivateData] string customerNumber, string channel);

    public async Task SyncAsync(string audienceId, CancellationToken ct)
    {
        var members = new List<AudienceMember>();
        await foreach (var member in profiles.AudienceAsync(audienceId, ct))
        {
            members.Add(member);
        }
        var withPhone = members.Where(m => m.Phone is not null).ToList();
        logger.LogInformation("Mobile on file for {Count} of {Total}", withPhone.Count, members.Count); // clean precision-about
        Activity.Current?.SetTag("shop.sms.country", withPhone.FirstOrDefault()?.Phone?[..3]); // clean precision-about

        using var span = source.StartShopclickSync(sms.Name).SetShopclickCohort(audienceId).SetShopclickBatchSize(withPhone.Count); // clean generated-api
        try
        {
            var result = await sms.UpsertAsync(new SyncBatch(Guid.NewGuid(), sms.Name, audienceId, withPhone, Removal: false), ct);
            foreach (var error in result.Errors)
            {
                logger.LogWarning("SMS tool error {Code}: {Message}", error.Code, error.Message); // leak TC1001 strings
                var refused = withPhone[error.Index];
                logger.LogWarning("SMS tool refused {Phone}", refused.Phone); // leak TC1001 direct
                if (error.Code == "opted_out")
                {
                    LogOptOut(logger, refused.ExternalId, "sms"); // leak TC1001 direct
                    LogOptOutClassified(logger, refused.ExternalId, "sms"); // clean logging-objects
                }
            }
            span.SetShopclickOutcome(result.Rejected == 0 ? "synced" : "partial"); // clean generated-api
        }
        catch (DestinationException ex)
        {
            span.SetShopclickNote(ex.Message); // clean generated-api
            logger.LogError(ex, "SMS sync failed with {Status}", ex.Status); // clean exceptions
        }
    }
}
