using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout.Retail;

public sealed record RedeemPointsRequest(string CardNumber, string StoreCode, string BasketId, int Points);

public sealed record RedeemPointsReply(bool Accepted, int Balance, string? DeclineReason);

public sealed record LoyaltyAccount(string CardNumber, string MemberName, string Phone, string Tier, int Balance, bool Frozen);

public interface ILoyaltyAccounts
{
    Task<LoyaltyAccount?> FindAsync(string cardNumber, CancellationToken cancellationToken);

    Task<int> DebitAsync(string cardNumber, int points, string basketId, CancellationToken cancellationToken);
}

public sealed class InsufficientPointsException(string cardNumber, int balance, int requested)
    : Exception($"Card {cardNumber} has {balance} points, {requested} requested")
{
    public int Balance { get; } = balance;
}

/// <summary>The gRPC service the tills call to pay with loyalty points.</summary>
public sealed partial class LoyaltyRedemptionService(ILoyaltyAccounts accounts, Pseudonymizer pseudonymizer, Meter meter, ILogger<LoyaltyRedemptionService> logger)
{
    private static readonly ActivitySource Source = new("Loyalty.Redemption");
    private readonly Histogram<int> _points = meter.CreateHistogram<int>("loyalty.redeemed.points");

    public async Task<RedeemPointsReply> Redeem(RedeemPointsRequest request, ServerCallContext context)
    {
        var member = pseudonymizer.PseudonymizeLoyaltyMemberId(request.CardNumber);
        using var span = Source.StartLoyaltyRedemption(member) // clean generated-api
            .SetLoyaltyStoreCode(request.StoreCode) // clean generated-api
            .SetLoyaltyPoints(request.Points);
        span.Activity?.SetTag("loyalty.basket.id", request.BasketId); // clean precision-names
        span.Activity?.SetTag("loyalty.card.last4", request.CardNumber[^4..]); // clean precision-about

        var account = await accounts.FindAsync(request.CardNumber, context.CancellationToken);
        if (account is null)
        {
            UnknownCard(logger, request.CardNumber, request.StoreCode); // leak TC1001 direct
            return new RedeemPointsReply(false, 0, "unknown card");
        }

        span.Activity?.SetTag("loyalty.tier", account.Tier); // clean precision-about
        span.Activity?.SetTag("loyalty.member.frozen", account.Frozen); // clean precision-about
        _points.Record(request.Points, new KeyValuePair<string, object?>("loyalty.tier", account.Tier), new KeyValuePair<string, object?>("loyalty.store.code", request.StoreCode)); // clean precision-about

        if (account.Frozen)
        {
            logger.LogWarning("Frozen account {Member} tried to redeem at {Store}", account.MemberName, request.StoreCode); // leak TC1001 cross-member
            return new RedeemPointsReply(false, account.Balance, "frozen");
        }

        try
        {
            var balance = await accounts.DebitAsync(request.CardNumber, request.Points, request.BasketId, context.CancellationToken);
            meter.CreateLoyaltyRedemptionsCounter().Add(1, loyaltyStoreCode: request.StoreCode); // clean generated-api
            Redeemed(logger, member.Value, request.Points, balance); // clean precision-pseudonym
            return new RedeemPointsReply(true, balance, null);
        }
        catch (InsufficientPointsException ex)
        {
            span.Activity?.AddException(ex); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, "insufficient points"); // clean exceptions
            span.Activity?.SetTag("loyalty.balance.shortfall", request.Points - ex.Balance);
            return new RedeemPointsReply(false, ex.Balance, "insufficient points");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unknown loyalty card {CardNumber} at store {StoreCode}")]
    private static partial void UnknownCard(ILogger logger, string cardNumber, string storeCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {Member} redeemed {Points} points, {Balance} left")]
    private static partial void Redeemed(ILogger logger, string member, int points, int balance);
}
