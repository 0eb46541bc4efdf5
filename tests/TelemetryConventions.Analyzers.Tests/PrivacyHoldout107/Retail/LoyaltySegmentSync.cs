namespace PrivacyHoldout107.Retail;

/// <summary>A loyalty member as the loyalty database exports them to the CRM. Prints its members.</summary>
public sealed record LoyaltyMember(string CustomerNumber, string CardNumber, string Email, string FirstName, string Postcode, string HomeStore, string Tier, decimal Spend12m);

/// <summary>Pushes loyalty members to the CRM and assigns them to the marketing segments by tier and store.</summary>
public sealed partial class LoyaltySegmentSync(
    ICrmServiceClient crm,
    IMarketingClient marketing,
    Pseudonymizer pseudonymizer,
    CrmSyncOptions options,
    ILogger<LoyaltySegmentSync> logger)
{
    private static readonly ActivitySource Source = new("Retailer.Crm.Loyalty");
    private static readonly Meter Meter = new("Retailer.Crm.Loyalty");
    private static readonly LoycrmSyncedCounter Synced = Meter.CreateLoycrmSyncedCounter();
    private static readonly Histogram<double> Spend = Meter.CreateHistogram<double>("loycrm.member.spend");

    public async Task SyncAsync(IReadOnlyList<LoyaltyMember> members, CancellationToken cancellationToken)
    {
        using var span = Source.StartLoycrmSync("loyalty sync");
        span.SetLoycrmBatchSize(members.Count); // clean precision-about

        var upserts = members.Select(m =>
        {
            var contact = new Entity("contact");
            contact.KeyAttributes["loy_customernumber"] = m.CustomerNumber;
            contact["emailaddress1"] = m.Email;
            contact["loy_tier"] = m.Tier;
            return contact;
        }).ToList();

        var response = await crm.ExecuteMultipleAsync(upserts, cancellationToken);
        foreach (var item in response.Responses.Where(r => r.Fault is not null))
        {
            var member = members[item.RequestIndex];
            LogMemberFault(logger, member.CustomerNumber, item.Fault!.ErrorCode); // clean logging-objects
            LogMemberFaultUnclassified(logger, member.CardNumber, item.Fault.ErrorCode); // leak TC1001 logging-objects
            span.Activity?.AddEvent(new ActivityEvent("member.fault", tags: new ActivityTagsCollection { ["index"] = item.RequestIndex, ["code"] = item.Fault.ErrorCode })); // clean precision-about
            logger.LogLoycrmSyncFailedEvent("fault", members[item.RequestIndex].Tier, pseudonymizer.PseudonymizeLoycrmMemberId(member.CustomerNumber), item.Fault.Message); // leak TC1001 generated-api
        }

        foreach (var tier in members.GroupBy(m => m.Tier))
        {
            Synced.Add(tier.Count(), "upserted", $"tier-{tier.Key}"); // clean precision-names
        }

        foreach (var member in members)
        {
            Spend.Record((double)member.Spend12m, new KeyValuePair<string, object?>("tier", member.Tier), new KeyValuePair<string, object?>("store", member.HomeStore)); // clean precision-names
            Spend.Record((double)member.Spend12m, new KeyValuePair<string, object?>("member", pseudonymizer.ComputeLoycrmMemberId(member.CustomerNumber))); // leak TC1003 precision-pseudonym
        }

        logger.LogInformation("Synced members from districts {Districts}", members.Select(m => m.Postcode.Split(' ')[0]).Distinct()); // clean precision-about
        logger.LogInformation("Synced members from postcodes {Postcodes}", string.Join(";", members.Select(m => m.Postcode))); // leak TC1001 strings
        logger.LogInformation("Card endings of faulted members {Endings}", response.Responses.Where(r => r.Fault is not null).Select(r => members[r.RequestIndex].CardNumber[^4..])); // clean precision-about
    }

    public async Task AssignSegmentAsync(string listId, string store, IReadOnlyList<LoyaltyMember> members, CancellationToken cancellationToken)
    {
        using var span = Source.StartLoycrmSend("store-segment");
        span.SetLoycrmSegment($"store-{store}"); // clean precision-names
        var audience = members.Where(m => m.HomeStore == store).Select(m => new AudienceMember(m.CustomerNumber, m.Email, m.FirstName)).ToList();
        var written = await marketing.UpsertAudienceMembersAsync(listId, audience, cancellationToken);
        span.SetLoycrmBatchSize(written); // clean precision-about
        logger.LogDebug("Store {Store} audience {Members}", store, audience); // leak TC1001 logging-objects
        logger.LogDebug("Store {Store} audience of {Count}, list {List}", store, audience.Count, listId); // clean precision-names
        span.Activity?.SetTag(LoycrmAttributes.MemberContact, pseudonymizer.ComputeLoycrmMemberId(audience.FirstOrDefault()?.Email ?? "")); // leak TC1001 precision-pseudonym
        span.Activity?.SetTag("audience.customers", string.Join(",", audience.Select(a => a.ExternalId))); // leak TC1001 strings
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Member {CustomerNumber} failed with {Code}")]
    private static partial void LogMemberFault(ILogger logger, [PrivateData] string customerNumber, int code);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Card {CardNumber} failed with {Code}")]
    private static partial void LogMemberFaultUnclassified(ILogger logger, string cardNumber, int code);
}
