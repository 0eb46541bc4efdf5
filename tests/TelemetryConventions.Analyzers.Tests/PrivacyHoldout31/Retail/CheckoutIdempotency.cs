using System;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout31.Support.Coordination;
using PrivacyHoldout31.Support.Redis;
using TelemetryConventions;

namespace PrivacyHoldout31.Retail;

public sealed record PlaceOrder(string CustomerId, string BasketId, string PaymentMethodId, string? ContactEmail);

public sealed record OrderReceipt(string OrderId, decimal Total)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{OrderId}|{Total}");

    public static OrderReceipt Parse(string text)
    {
        var parts = text.Split('|');
        return new OrderReceipt(parts[0], decimal.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}

public sealed class StockExhaustedException(string sku, int requested, int available)
    : Exception($"SKU {sku} has {available} left, {requested} requested");

public interface IOrderWriter
{
    Task<OrderReceipt> WriteAsync(PlaceOrder command, CancellationToken cancellationToken);
}

internal static partial class CheckoutLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Checkout for customer {CustomerId} is already in progress")]
    public static partial void CheckoutInProgress(ILogger logger, [PrivateData] string customerId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Idempotency entry {IdempotencyKey} released after a failed checkout")]
    public static partial void EntryReleased(ILogger logger, string idempotencyKey);
}

/// <summary>Makes a retried checkout return the first attempt's receipt instead of charging twice.</summary>
public sealed class CheckoutIdempotency(IDatabase redis, IOrderWriter orders, TelemetrySecrets secrets, ILogger<CheckoutIdempotency> logger)
{
    private static readonly ActivitySource Source = new("Retail.Checkout");
    private static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public async Task<OrderReceipt?> PlaceAsync(PlaceOrder command, string? idempotencyHeader, CancellationToken ct)
    {
        using var activity = Source.StartActivity("checkout.place");

        // Apps before 5.2 send no Idempotency-Key; for them the key is derived from the customer and the basket.
        var key = idempotencyHeader is { Length: > 0 }
            ? $"idem:{idempotencyHeader}"
            : $"idem:{command.CustomerId}:{command.BasketId}";
        activity?.SetTag("idempotency.header_present", idempotencyHeader is { Length: > 0 }); // clean precision-about
        if (idempotencyHeader is { Length: > 0 })
        {
            activity?.SetTag("idempotency.key", idempotencyHeader); // clean precision-about
        }
        activity?.SetTag("idempotency.shard", ShardOf(key)); // clean hashes

        if (!await redis.StringSetAsync(key, "pending", Retention, When.NotExists))
        {
            var existing = await redis.StringGetAsync(key);
            if (existing.ToString() == "pending")
            {
                CheckoutLog.CheckoutInProgress(logger, command.CustomerId); // clean direct
                return null;
            }

            logger.LogInformation("Checkout replayed for idempotency key {IdempotencyKey}", key); // leak TC1001 strings
            activity?.SetTag("idempotency.replayed", true);
            return OrderReceipt.Parse(existing.ToString());
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var receipt = await orders.WriteAsync(command, ct);
                await redis.StringSetAsync(key, receipt.ToString(), Retention);
                activity?.SetTag("order.id", receipt.OrderId); // clean precision-about
                activity?.SetTag("checkout.attempts", attempt);
                return receipt;
            }
            catch (DbUpdateConcurrencyException ex) when (attempt < 3)
            {
                logger.LogWarning(ex, "Stock rows changed under basket {BasketId}; attempt {Attempt}", command.BasketId, attempt); // clean exceptions
            }
            catch (StockExhaustedException ex)
            {
                await redis.KeyDeleteAsync(key);
                CheckoutLog.EntryReleased(logger, key); // leak TC1001 cross-member
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                return null;
            }
        }
    }

    /// <summary>The fraud team's duplicate report joins on this fingerprint.</summary>
    public void ReportDuplicate(PlaceOrder command, int seenTimes)
    {
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{command.CustomerId}:{command.PaymentMethodId}")))[..16];
        logger.LogWarning("Duplicate checkout {Fingerprint} seen {Times} times", fingerprint, seenTimes); // leak TC1002 hashes
    }

    private int ShardOf(string key) => HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(key))[0] % 16;
}
