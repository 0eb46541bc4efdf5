using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout4.Support;
using PrivacyHoldout4.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout4.Retail;

public sealed record TakePayment(string OrderId, string CustomerNumber, string CardToken, string CardLast4, decimal Amount);

public sealed class PaymentFailedException(string message, string declineCode) : Exception(message)
{
    public string DeclineCode { get; } = declineCode;
}

/// <summary>Takes the payment; a failure is retried by the bus and then ends as a fault of the message.</summary>
public sealed class TakePaymentConsumer(IPaymentGateway gateway, ILogger<TakePaymentConsumer> logger) : IConsumer<TakePayment>
{
    public async Task Consume(ConsumeContext<TakePayment> context)
    {
        var payment = context.Message;
        if (!gateway.TryCharge(payment.CardToken, payment.Amount, out var declineCode, out var authorisation))
        {
            var error = new PaymentFailedException($"Card of customer {payment.CustomerNumber} declined with {declineCode}", declineCode);
            logger.LogWarning(error, "Payment declined on attempt {Attempt}", context.RetryAttempt); // leak TC1001 exceptions
            Activity.Current?.SetTag("payment.decline.code", error.DeclineCode); // clean exceptions
            throw error; // leak TC1001 exceptions
        }

        Activity.Current?.SetTag("payment.authorisation", authorisation); // clean precision-names
        await context.Publish(new { payment.OrderId, Paid = true });
    }
}

public interface IPaymentGateway
{
    bool TryCharge(string cardToken, decimal amount, out string declineCode, out string authorisation);
}

public interface ILoyaltyGrain : IGrainWithStringKey
{
    ValueTask<int> AddPointsAsync(string orderId, decimal spend);
}

public sealed class LoyaltyState
{
    public int Points { get; set; }

    public string? Email { get; set; }

    public string Tier { get; set; } = "standard";
}

/// <summary>One grain per loyalty member, keyed by the customer number.</summary>
public sealed class LoyaltyGrain(IPersistentState<LoyaltyState> state, ILogger<LoyaltyGrain> logger, Meter meter, TelemetrySecrets secrets) : Grain, ILoyaltyGrain
{
    private readonly Counter<int> _points = meter.CreateCounter<int>("loyalty.points.awarded");

    private string CustomerNumber => this.GetPrimaryKeyString();

    public async ValueTask<int> AddPointsAsync(string orderId, decimal spend)
    {
        var points = (int)Math.Floor(spend);
        state.State.Points += points;
        var before = state.State.Tier;
        state.State.Tier = state.State.Points switch { >= 5000 => "gold", >= 1000 => "silver", _ => "standard" };

        _points.Add(points, new KeyValuePair<string, object?>("loyalty.tier", state.State.Tier)); // clean precision-names
        Activity.Current?.SetTag("loyalty.member", CustomerNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("loyalty.member.key", MemberKey(CustomerNumber)); // clean hashes
        Activity.Current?.SetTag("loyalty.member.digest", Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(CustomerNumber.ToUpperInvariant())))); // leak TC1002 hashes

        if (before != state.State.Tier)
        {
            logger.LogInformation("Member {Member} moved from {From} to {To}", CustomerNumber, before, state.State.Tier); // leak TC1001 cross-member
            logger.LogInformation("Tier upgrade mail sent to {Email}", state.State.Email ?? "(none)"); // leak TC1001 direct
            logger.LogInformation("Tier upgrade mail sent: {HasEmail}", state.State.Email is { Length: > 0 }); // clean precision-about
        }

        await state.WriteStateAsync();
        return state.State.Points;
    }

    private string MemberKey(string customerNumber)
    {
        using var hmac = new HMACSHA256(secrets.PseudonymKey);
        return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(customerNumber)))[..16];
    }
}

/// <summary>Nightly: expires points of members who have not shopped for two years.</summary>
public sealed class PointsExpiryJob(ILoyaltyStore store, ILogger<PointsExpiryJob> logger, Pseudonymizer pseudonymizer) : IJob
{
    public async Task Execute(IJobExecutionContext context)
    {
        var expired = await store.ExpireAsync(context.FireTimeUtc.AddYears(-2));
        logger.LogInformation("Expired points of {Members} members, {Points} points in all", expired.Count, expired.Sum(e => e.Points)); // clean precision-about

        var largest = expired.OrderByDescending(e => e.Points).Take(5).ToList();
        logger.LogInformation("Largest expiries: {Members}", largest.Select(e => pseudonymizer.ComputeBasketCustomerId(e.CustomerNumber)).ToList()); // clean precision-pseudonym
        logger.LogInformation("Largest expiries: {Members}", largest.Select(e => $"{e.CustomerNumber}={e.Points}")); // leak TC1001 strings
        logger.LogDebug("Job {Job} fired at {Fire}", context.JobName, context.FireTimeUtc.ToString("O", CultureInfo.InvariantCulture));
    }
}

public sealed record ExpiredPoints(string CustomerNumber, int Points);

public interface ILoyaltyStore
{
    Task<IReadOnlyList<ExpiredPoints>> ExpireAsync(DateTimeOffset lastActivityBefore);
}
