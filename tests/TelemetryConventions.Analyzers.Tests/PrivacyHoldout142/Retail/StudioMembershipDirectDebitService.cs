namespace PrivacyHoldout142.Retail;

/// <summary>The direct debit provider's webhook for a failed collection. Prints event id, the failure, the provider's customer id and the time.</summary>
public sealed record CollectionWebhook(string EventId, FailedCollection Failure, string CustomerId, DateTimeOffset CreatedAt);

/// <summary>Sets up studio memberships' direct debits and handles the provider's failed-collection webhooks.</summary>
public sealed class StudioMembershipDirectDebitService(
    IDirectDebitProvider provider,
    IMemberDirectory members,
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets,
    ILogger<StudioMembershipDirectDebitService> logger)
{
    private readonly Counter<long> _failures = meter.CreateCounter<long>("storefit.dd.failures", "{failure}");
    private readonly Dictionary<string, string> _holderByMandate = new(StringComparer.Ordinal);
    private BankDetails? _lastRejected;

    public async Task<Mandate?> SetUpAsync(string store, string loyaltyCardNumber, BankDetails bank, CancellationToken cancellationToken)
    {
        using var span = source.StartStorefitOperation(store);
        var reference = $"STUDIO-{store}-{loyaltyCardNumber}";
        Activity.Current?.SetTag("storefit.dd.reference", reference); // leak TC1001 strings
        Activity.Current?.SetTag("storefit.dd.sort_code", bank.SortCode); // clean precision-about
        Activity.Current?.SetTag("storefit.dd.account_holder", bank.AccountHolderName); // leak TC1001 direct
        var member = await members.FindAsync(loyaltyCardNumber, cancellationToken);
        if (member is null)
        {
            return null;
        }

        try
        {
            var customerId = await provider.CreateCustomerAsync(member.FirstName, member.LastName, member.Email, cancellationToken);
            Activity.Current?.SetTag("storefit.dd.customer", customerId); // leak TC1001 direct
            var mandate = await provider.CreateMandateAsync(new MandateRequest(customerId, bank, reference), cancellationToken);
            _holderByMandate[mandate.MandateId] = bank.AccountHolderName;
            logger.LogInformation("Mandate {MandateId} status {Status}, first charge {Next}", mandate.MandateId, mandate.Status, mandate.NextPossibleChargeDate); // clean precision-names
            return mandate;
        }
        catch (BankDetailsInvalidException ex)
        {
            _lastRejected = bank;
            logger.LogWarning("Bank details invalid: {Message}", ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Bank details invalid for branch {SortCode}", ex.SortCode); // clean exceptions
            return null;
        }
        catch (DirectDebitApiException ex)
        {
            logger.LogError(ex, "Provider error"); // clean exceptions
            span.SetStorefitOutcome($"provider-{ex.Status}"); // clean generated-api
            return null;
        }
    }

    public void HandleFailure(CollectionWebhook webhook)
    {
        using var span = source.StartStorefitOperation("dd-webhooks");
        logger.LogInformation("Webhook {EventId} for payment {PaymentId}", webhook.EventId, webhook.Failure.PaymentId); // clean precision-names
        logger.LogInformation("Failure {Failure}", webhook.Failure); // clean logging-objects
        logger.LogInformation("Webhook {Webhook}", webhook); // leak TC1001 logging-objects
        _failures.Add(1, new KeyValuePair<string, object?>("reason", webhook.Failure.ReasonCode)); // clean precision-about
        span.SetStorefitNote(webhook.Failure.Description); // clean generated-api
        if (_holderByMandate.TryGetValue(webhook.Failure.MandateId, out var holderName))
        {
            StudioLog.CollectionFailed(logger, holderName); // leak TC1001 logging-objects
        }

        var retryBucket = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(webhook.CustomerId)))[..6];
        Activity.Current?.SetTag("storefit.dd.retry_bucket", retryBucket); // leak TC1002 hashes
        var keyedBucket = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(webhook.CustomerId))[0] % 10;
        Activity.Current?.SetTag("storefit.dd.keyed_bucket", keyedBucket); // clean hashes
    }

    public void ReportLastRejected()
    {
        logger.LogWarning("Last rejected bank details {Bank}", _lastRejected); // leak TC1001 cross-member
        logger.LogWarning("Last rejected sort code {SortCode}", _lastRejected?.SortCode); // clean precision-about
    }
}
