namespace PrivacyHoldout150.Retail;

/// <summary>Sells Gold and Platinum plans and one-off boosts in the dating app's store.</summary>
public sealed partial class PremiumSubscriptionService(
    IBillingGateway billing,
    IMemberDirectory members,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PremiumSubscriptionService> logger)
{
    private readonly Counter<long> _purchases = meter.CreateCounter<long>("datingstore.plan.purchases");
    private readonly Histogram<double> _revenue = meter.CreateHistogram<double>("datingstore.plan.revenue");
    private readonly List<SubscriptionPurchase> _declined = new();

    public async Task<bool> BuyAsync(SubscriptionPurchase purchase, CancellationToken cancellationToken)
    {
        using var span = source.StartDatingstoreOperation("ios-gb");
        span.SetDatingstoreSku(purchase.Plan).SetDatingstoreItemCount(1); // clean generated-api
        span.SetDatingstoreMemberId(pseudonymizer.PseudonymizeDatingstoreMemberId(purchase.MemberId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("store.purchase.id", purchase.PurchaseId); // clean precision-names
        Activity.Current?.SetTag("store.card.last_four", purchase.CardLastFour); // clean precision-about
        Activity.Current?.SetTag("store.member.email", purchase.Email); // leak TC1001 direct
        try
        {
            var member = await members.FindAsync(purchase.MemberId, cancellationToken) ?? throw new MemberNotFoundException(purchase.MemberId);
            if (member.Plan == purchase.Plan)
            {
                throw new AlreadySubscribedException(member.Email, member.Plan);
            }

            await billing.ChargeAsync(purchase.MemberId, purchase.Price, cancellationToken);
            _purchases.Add(1, new KeyValuePair<string, object?>("store.plan", purchase.Plan)); // clean precision-about
            _revenue.Record((double)purchase.Price, new KeyValuePair<string, object?>("store.plan", purchase.Plan)); // clean precision-about
            LogPurchased(logger, purchase.PurchaseId, purchase.Plan, member.Handle); // clean logging-objects
            logger.LogInformation("Upgrade for {Member}", member); // leak TC1001 logging-objects
            logger.LogInformation("Welcome mail {WelcomeTemplateId} queued", "tpl-gold-welcome"); // clean precision-names
            return true;
        }
        catch (CardDeclinedException ex)
        {
            _declined.Add(purchase);
            logger.LogWarning(ex, "Card declined on {PurchaseId}", purchase.PurchaseId); // clean exceptions
            span.SetDatingstoreOutcome(ex.Message); // clean exceptions
            return false;
        }
        catch (AlreadySubscribedException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
            logger.LogDatingstoreOperationFailedEvent("ios-gb", "already_subscribed", datingstoreNote: ex.ToString()); // leak TC1001 exceptions
            return false;
        }
        catch (MemberNotFoundException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            return false;
        }
    }

    /// <summary>The billing team's daily reconciliation.</summary>
    public void ReportDeclined()
    {
        logger.LogInformation("{Count} declined today, {Total} lost", _declined.Count, _declined.Sum(p => p.Price)); // clean cross-member
        logger.LogInformation("Declined purchases {Declined}", _declined); // leak TC1001 cross-member
        Activity.Current?.SetTag("store.declined.cards", _declined.Select(p => p.CardLastFour).ToArray()); // clean cross-member
        Activity.Current?.SetTag("store.declined.emails", _declined.Select(p => p.Email).ToArray()); // leak TC1001 cross-member
        Activity.Current?.SetTag("store.declined.key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_declined.FirstOrDefault()?.Email ?? "")))[..16]); // leak TC1002 hashes
        Activity.Current?.SetTag("store.declined.partition", PartitionOf(_declined.FirstOrDefault()?.MemberId ?? Guid.Empty)); // clean hashes
    }

    private int PartitionOf(Guid memberId)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return BitConverter.ToUInt16(hmac.ComputeHash(memberId.ToByteArray())) % 64;
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Purchase {PurchaseId} of {Plan} by {Handle}")]
    private static partial void LogPurchased(ILogger logger, string purchaseId, string plan, [PrivateData] string handle);
}
