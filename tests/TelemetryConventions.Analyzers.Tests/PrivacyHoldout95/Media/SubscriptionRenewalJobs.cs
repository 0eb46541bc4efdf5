namespace PrivacyHoldout95.Media;

/// <summary>A subscription coming up for renewal.</summary>
public sealed record DueRenewal(Guid SubscriptionId, Guid SubscriberId, string Email, string Plan, string Territory, string Currency, decimal Price, int DunningStep);

public interface IRenewalStore
{
    Task<IReadOnlyList<DueRenewal>> DueAsync(DateTimeOffset asOf, int take, CancellationToken cancellationToken = default);

    Task ScheduleDunningAsync(Guid subscriptionId, int step, DateTimeOffset nextAttempt, CancellationToken cancellationToken = default);
}

public interface IPaymentGateway
{
    Task<string> ChargeAsync(Guid subscriptionId, decimal amount, string currency, CancellationToken cancellationToken = default);
}

/// <summary>The gateway declined the charge: its decline code (<c>insufficient_funds</c>, <c>do_not_honor</c>) and fixed text.</summary>
public sealed class PaymentDeclinedException(string declineCode) : Exception($"Card declined: {declineCode}")
{
    public string DeclineCode { get; } = declineCode;
}

/// <summary>The gateway could not find a usable card; quotes the customer reference it holds, the subscriber's account id.</summary>
public sealed class NoPaymentMethodException(Guid subscriberId) : Exception($"No default payment method for customer sub_{subscriberId:N}");

/// <summary>
/// The hourly renewal sweep: charges the subscriptions that fall due, moves declined ones along the dunning schedule
/// (1, 3 and 7 days) and writes a <c>SubscriptionRenewed</c> event to the outbox for the entitlements service.
/// </summary>
public sealed class SubscriptionRenewalSweep(
    IRenewalStore renewals,
    IPaymentGateway payments,
    IOutboxStore outbox,
    Pseudonymizer pseudonymizer,
    IOptions<JobOptions> options,
    TimeProvider time,
    Meter meter,
    ILogger<SubscriptionRenewalSweep> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Streaming.Billing.Jobs");
    private static readonly int[] DunningDays = [1, 3, 7];
    private readonly SubsjobsJobsCompletedCounter _completed = meter.CreateSubsjobsJobsCompletedCounter();
    private readonly Counter<long> _declines = meter.CreateCounter<long>("subsjobs.renewals.declined", "{charge}");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cron = CronExpression.Parse("5 * * * *");
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = cron.GetNextOccurrence(time.GetUtcNow(), TimeZoneInfo.Utc)!.Value;
            await Task.Delay(next - time.GetUtcNow(), time, stoppingToken);
            await SweepAsync(stoppingToken);
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        using var span = Source.StartSubsjobsJobRun("renewal-sweep");
        var due = await renewals.DueAsync(time.GetUtcNow(), options.Value.BatchSize, cancellationToken);
        span.SetSubsjobsBatchSize(due.Count);
        logger.LogInformation("Renewal sweep: {Count} due, plans {Plans}", due.Count, due.GroupBy(d => d.Plan).ToDictionary(g => g.Key, g => g.Count())); // clean logging-objects

        foreach (var renewal in due)
        {
            using var charge = Source.StartSubsjobsJobRun("renewal-charge")
                .SetSubsjobsJobKey(renewal.SubscriptionId.ToString("N")) // clean precision-names
                .SetSubsjobsSubscriberId(pseudonymizer.PseudonymizeSubsjobsSubscriberId(renewal.SubscriberId.ToString()))
                .SetSubsjobsTerritory(renewal.Territory) // clean precision-names
                .SetSubsjobsJobAttempt(renewal.DunningStep + 1);
            logger.LogDebug("Charging {@Renewal}", renewal); // leak TC1001 logging-objects
            try
            {
                var chargeId = await payments.ChargeAsync(renewal.SubscriptionId, renewal.Price, renewal.Currency, cancellationToken);
                var renewed = JsonSerializer.Serialize(new { renewal.SubscriptionId, renewal.SubscriberId, renewal.Plan, ChargeId = chargeId });
                await outbox.AddAsync(new OutboxMessage(Guid.NewGuid(), "SubscriptionRenewed", "entitlements", renewed, time.GetUtcNow()) { PartitionKey = renewal.SubscriberId.ToString() }, cancellationToken);
                logger.LogDebug("Outbox event {Event}", renewed); // leak TC1001 strings
                charge.SetSubsjobsOutcome("renewed");
                _completed.Add(1, "renewal-charge", "billing", "renewed");
            }
            catch (PaymentDeclinedException ex)
            {
                var step = renewal.DunningStep + 1;
                if (step > DunningDays.Length)
                {
                    charge.SetSubsjobsOutcome("lapsed").SetSubsjobsNote($"lapsed after {DunningDays.Length} dunning attempts, last decline {ex.DeclineCode}"); // clean generated-api
                    logger.LogWarning("Subscription of {Email} lapsed after dunning", renewal.Email); // leak TC1001 direct
                    continue;
                }
                await renewals.ScheduleDunningAsync(renewal.SubscriptionId, step, time.GetUtcNow().AddDays(DunningDays[step - 1]), cancellationToken);
                charge.RecordException(ex, includeMessage: true).SetSubsjobsOutcome("declined");
                _declines.Add(1, new KeyValuePair<string, object?>("subsjobs.decline_code", ex.DeclineCode), new("subsjobs.territory", renewal.Territory)); // clean precision-names
                _declines.Add(0, new KeyValuePair<string, object?>("subsjobs.subscriber.id", pseudonymizer.ComputeSubsjobsSubscriberId(renewal.SubscriberId.ToString()))); // leak TC1003 precision-pseudonym
            }
            catch (NoPaymentMethodException ex)
            {
                charge.SetSubsjobsNote(ex.Message).SetSubsjobsOutcome("no_card"); // leak TC1001 generated-api
                logger.LogWarning("No card on file: {Error}", ex.GetType().Name); // clean exceptions
            }
        }
    }
}
