using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout2.Support;
using PrivacyHoldout2.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout2.Retail;

public sealed record BasketLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record RedeemPoints(string MemberNumber, string Email, string StoreCode, int Points, IReadOnlyList<BasketLine> Lines) : IRequest<RedemptionResult>;

public sealed record RedemptionResult(Guid RedemptionId, bool Approved, int RemainingPoints);

public sealed class LoyaltyOptions
{
    public int MaximumPointsPerBasket { get; set; } = 5000;

    public string ReceiptEmailTemplateId { get; set; } = "receipt-2024";
}

public interface IPointsLedger
{
    Task<int> BalanceAsync(string memberNumber, CancellationToken cancellationToken);
}

public sealed partial class LoyaltyRedemptionHandler(IPointsLedger ledger, ILogger<LoyaltyRedemptionHandler> logger, Meter meter, Pseudonymizer pseudonymizer, IOptions<LoyaltyOptions> options)
    : IRequestHandler<RedeemPoints, RedemptionResult>
{
    private static readonly ActivitySource Source = new("Retail.Loyalty");
    private readonly Counter<int> _points = meter.CreateCounter<int>("loyalty.points.redeemed");

    public async Task<RedemptionResult> Handle(RedeemPoints request, CancellationToken cancellationToken)
    {
        var member = pseudonymizer.PseudonymizeLoyaltyMemberId(request.MemberNumber);
        using var span = Source.StartLoyaltyRedemption(member); // clean precision-pseudonym
        span.SetLoyaltyItemCount(request.Lines.Sum(l => l.Quantity)); // clean precision-about
        span.SetLoyaltyRegion(request.StoreCode); // clean generated-api

        var balance = await ledger.BalanceAsync(request.MemberNumber, cancellationToken);
        var approved = balance >= request.Points && request.Points <= options.Value.MaximumPointsPerBasket;
        var redemptionId = Guid.NewGuid();

        LogRedemption(logger, redemptionId, request.Points, approved); // clean precision-about
        LogRedemptionForMember(logger, redemptionId, request.MemberNumber, request.Points); // leak TC1001 direct
        logger.LogInformation("Redemption {@Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Redemption {@Basket}", new { request.StoreCode, LineCount = request.Lines.Count, request.Points }); // clean logging-objects

        _points.Add(request.Points, MemberTags(request.StoreCode, request.MemberNumber)); // leak TC1003 cross-member
        _points.Add(request.Points, new KeyValuePair<string, object?>("store", request.StoreCode), new KeyValuePair<string, object?>("approved", approved)); // clean precision-about

        if (!approved)
        {
            span.AddLoyaltyRedemptionDeclinedEvent($"balance {balance} below {request.Points}"); // clean generated-api
            logger.LogLoyaltyRedemptionDeclinedEvent($"declined for {request.Email}"); // leak TC1001 generated-api
        }

        Activity.Current?.SetTag("loyalty.receipt.template", options.Value.ReceiptEmailTemplateId); // clean precision-names
        Activity.Current?.SetTag("loyalty.receipt.domain", request.Email[(request.Email.IndexOf('@') + 1)..]); // clean precision-about
        return new RedemptionResult(redemptionId, approved, balance - request.Points);
    }

    private static TagList MemberTags(string storeCode, string memberNumber)
    {
        var tags = new TagList { { "store", storeCode } };
        tags.Add("member", memberNumber);
        return tags;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Redemption {RedemptionId} of {Points} points, approved {Approved}")]
    private static partial void LogRedemption(ILogger logger, Guid redemptionId, int points, bool approved);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redemption {RedemptionId} for member {MemberNumber} of {Points} points")]
    private static partial void LogRedemptionForMember(ILogger logger, Guid redemptionId, string memberNumber, int points);
}
