using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PrivacyHoldout63.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout63.Retail;

public sealed record LoyaltyAccrual(Guid OutboxId, string LoyaltyCardNumber, string CustomerNumber, string StoreId, int Points, int Attempts);

public sealed record DeadLetter(Guid OutboxId, string LoyaltyCardNumber, string Error, DateTimeOffset At);

/// <summary>The ledger's 422: quotes the card it rejected.</summary>
public sealed class LoyaltyLedgerException(string cardNumber, string detail) : Exception($"Ledger rejected card {cardNumber}: {detail}");

/// <summary>The ledger's 503.</summary>
public sealed class LedgerUnavailableException() : Exception("Loyalty ledger unavailable");

public interface ILoyaltyOutbox
{
    Task<IReadOnlyList<LoyaltyAccrual>> PendingAsync(int max, CancellationToken cancellationToken);

    Task MarkSentAsync(Guid outboxId, CancellationToken cancellationToken);

    Task MarkDeadAsync(Guid outboxId, CancellationToken cancellationToken);

    Task<int> CountPendingAsync(CancellationToken cancellationToken);
}

public interface ILoyaltyLedger
{
    Task PostAsync(LoyaltyAccrual accrual, string idempotencyKey, CancellationToken cancellationToken);
}

public interface IDeadLetterStore
{
    Task AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken);
}

/// <summary>Posts loyalty accruals from the till outbox to the ledger, with its own retry loop and a dead-letter table for poison accruals.</summary>
public sealed class LoyaltyOutboxWorker(
    ILoyaltyOutbox outbox,
    ILoyaltyLedger ledger,
    IDeadLetterStore deadLetters,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<LoyaltyOutboxWorker> logger) : BackgroundService
{
    private const int MaxAttempts = 4;
    private const int PoisonAfterRedeliveries = 10;
    private readonly Counter<long> _points = meter.CreateCounter<long>("loyalty.points.posted");
    private readonly Counter<long> _earners = meter.CreateCounter<long>("loyalty.earners");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var accrual in await outbox.PendingAsync(100, stoppingToken))
            {
                if (accrual.Attempts >= PoisonAfterRedeliveries)
                {
                    logger.LogError("Poison accrual {@Accrual}", accrual); // leak TC1001 logging-objects
                    logger.LogError("Poison accrual {OutboxId} for card ending {Last4} after {Attempts} redeliveries", accrual.OutboxId, accrual.LoyaltyCardNumber[^4..], accrual.Attempts); // clean precision-about
                    await deadLetters.AddAsync(new DeadLetter(accrual.OutboxId, accrual.LoyaltyCardNumber, "redelivered too often", DateTimeOffset.UtcNow), stoppingToken); // clean direct
                    await outbox.MarkDeadAsync(accrual.OutboxId, stoppingToken);
                    continue;
                }

                await PostWithRetryAsync(accrual, stoppingToken);
            }
        }
    }

    private async Task PostWithRetryAsync(LoyaltyAccrual accrual, CancellationToken stoppingToken)
    {
        var idempotencyKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{accrual.LoyaltyCardNumber}:{accrual.OutboxId}")));
        var delay = TimeSpan.FromMilliseconds(200);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                await ledger.PostAsync(accrual, idempotencyKey, stoppingToken);
                await outbox.MarkSentAsync(accrual.OutboxId, stoppingToken);
                _points.Add(accrual.Points, new KeyValuePair<string, object?>("store", accrual.StoreId));
                _earners.Add(1, new KeyValuePair<string, object?>("customer_ref", pseudonymizer.ComputeTenderCustomerId(accrual.CustomerNumber))); // leak TC1003 precision-pseudonym
                return;
            }
            catch (LedgerUnavailableException ex) when (attempt < MaxAttempts)
            {
                logger.LogWarning(ex, "Ledger unavailable, attempt {Attempt}/{MaxAttempts}, waiting {Delay}", attempt, MaxAttempts, delay); // clean exceptions
                logger.LogDebug("Retrying post {IdempotencyKey}", idempotencyKey); // leak TC1002 hashes
                await Task.Delay(delay, stoppingToken);
                delay *= 2;
            }
            catch (LoyaltyLedgerException ex)
            {
                logger.LogWarning("Ledger refused card {LoyaltyCard} for customer {CustomerNumber}", accrual.LoyaltyCardNumber, accrual.CustomerNumber); // leak TC1001 direct
                await deadLetters.AddAsync(new DeadLetter(accrual.OutboxId, accrual.LoyaltyCardNumber, ex.Message, DateTimeOffset.UtcNow), stoppingToken);
                await outbox.MarkDeadAsync(accrual.OutboxId, stoppingToken);
                logger.LogError("Accrual {OutboxId} dead-lettered: {Error}", accrual.OutboxId, ex.Message); // leak TC1001 exceptions
                logger.LogError("Accrual {OutboxId} from store {StoreId} dead-lettered at attempt {Attempt}", accrual.OutboxId, accrual.StoreId, attempt);
                return;
            }
        }

        logger.LogWarning("Accrual {OutboxId} left for the next tick after {MaxAttempts} attempts", accrual.OutboxId, MaxAttempts);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        var pending = await outbox.CountPendingAsync(cancellationToken);
        logger.LogInformation("Loyalty outbox stopping with {PendingAccruals} accruals pending", pending); // clean precision-names
        await base.StopAsync(cancellationToken);
    }
}
