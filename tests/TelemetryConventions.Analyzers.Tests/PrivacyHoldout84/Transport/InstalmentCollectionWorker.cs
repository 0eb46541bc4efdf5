namespace PrivacyHoldout84.Transport;

public sealed record InstalmentDue(string SubscriptionId, string CustomerId, string SmartcardNumber, string MobileNumber, string PriceId, string InvoiceId, string InvoiceNumber, int Instalment, int Attempt);

public interface ISmartcardHotlist
{
    Task SuspendAsync(string smartcardNumber, string reason, CancellationToken ct);
}

public interface ISmsSender
{
    Task<string> SendAsync(string to, string template, IReadOnlyDictionary<string, string> values, CancellationToken ct);
}

/// <summary>Collects monthly season ticket instalments; after the last retry the smartcard's season is suspended.</summary>
public sealed partial class InstalmentCollectionWorker(
    ILogger<InstalmentCollectionWorker> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    BillboxClient billing,
    ISmartcardHotlist hotlist,
    ISmsSender sms)
{
    private static readonly RetrySchedule Schedule = new([TimeSpan.FromDays(1), TimeSpan.FromDays(3)], "suspend_season");

    private readonly Counter<long> _collections = meter.CreateCounter<long>("season.instalments.collected");

    public async Task CollectAsync(InstalmentDue due, CancellationToken ct)
    {
        using var span = source.StartSeasonsubRenewal(due.PriceId)
            .SetSeasonsubInvoiceNumber(due.InvoiceNumber)
            .SetSeasonsubRetryAttempt(due.Attempt) // clean generated-api
            .SetSeasonsubCustomerId(pseudonymizer.PseudonymizeSeasonsubCustomerId(due.CustomerId)); // clean precision-pseudonym
        LogCollecting(logger, due.SubscriptionId, due.Instalment, due.Attempt, Schedule.MaxAttempts); // clean precision-about
        Activity.Current?.SetTag("season.smartcard_type", due.SmartcardNumber.StartsWith("633597", StringComparison.Ordinal) ? "itso" : "closed-loop"); // clean precision-about

        try
        {
            await billing.PayInvoiceAsync(due.InvoiceId, ct);
            _collections.Add(1, new KeyValuePair<string, object?>("instalment", due.Instalment), new KeyValuePair<string, object?>("attempt", due.Attempt));
            meter.CreateSeasonsubRenewalsCounter().Add(1, due.PriceId, "collected"); // clean generated-api
        }
        catch (CardException ex) when (Schedule.DelayAfter(due.Attempt) is { } delay)
        {
            logger.LogSeasonsubPaymentFailedEvent(ex.DeclineCode, due.Attempt, seasonsubInvoiceNumber: due.InvoiceNumber, seasonsubNote: $"retry in {delay.TotalDays} days"); // clean generated-api
            var messageId = await sms.SendAsync(due.MobileNumber, "season-payment-failed", new Dictionary<string, string> { ["retry_in_days"] = delay.TotalDays.ToString(CultureInfo.InvariantCulture) }, ct);
            logger.LogInformation("Payment reminder {MessageId} sent to {Mobile}", messageId, due.MobileNumber); // leak TC1001 direct
            logger.LogInformation("Payment reminder sent to a mobile ending {Last3}", due.MobileNumber[^3..]); // clean precision-about
        }
        catch (CardException ex)
        {
            span.RecordException(ex).SetSeasonsubOutcome("suspended"); // clean exceptions
            await hotlist.SuspendAsync(due.SmartcardNumber, "instalment_unpaid", ct);
            logger.LogWarning("Season on card {Smartcard} suspended after {Attempts} failed attempts ({Decline})", due.SmartcardNumber, due.Attempt, ex.DeclineCode); // leak TC1001 direct
            LogSuspension(logger, due); // leak TC1001 logging-objects
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Collecting {SubscriptionId} instalment {Instalment}, attempt {Attempt} of {MaxAttempts}")]
    private static partial void LogCollecting(ILogger logger, string subscriptionId, int instalment, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Suspension for {Due}")]
    private static partial void LogSuspension(ILogger logger, InstalmentDue due);
}
