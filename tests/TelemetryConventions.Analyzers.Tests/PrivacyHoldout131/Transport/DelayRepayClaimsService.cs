namespace PrivacyHoldout131.Transport;

public sealed record DelayRepayClaim(
    string ClaimId,
    Guid PassengerId,
    string PassengerName,
    string Email,
    string TicketNumber,
    string? SmartcardNumber,
    string ServiceId,
    string Origin,
    string Destination,
    int MinutesLate,
    decimal TicketPrice,
    RefundDestination PayTo);

/// <summary>Delay Repay: compensation for late trains as a share of the ticket price, by minutes late.</summary>
public sealed partial class DelayRepayClaimsService(
    IRefundGateway gateway,
    IStoreCreditLedger travelCredit,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<DelayRepayClaimsService> logger)
{
    private static readonly ActivitySource Source = new("Rail.DelayRepay");
    private static readonly Meter Meter = new("Rail.DelayRepay");
    private static readonly Counter<long> Claims = Meter.CreateCounter<long>("delay_repay.claims");
    private readonly FarerefundRefundsCounter _settled = Meter.CreateFarerefundRefundsCounter();

    public async Task<decimal> SettleAsync(DelayRepayClaim claim, string paymentId, CancellationToken ct)
    {
        using var span = Source.StartFarerefundCase(claim.ClaimId);
        span.SetFarerefundClaimantId(pseudonymizer.PseudonymizeFarerefundClaimantId(claim.PassengerId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("rail.service", claim.ServiceId); // clean precision-names
        Activity.Current?.SetTag("rail.journey", $"{claim.Origin}-{claim.Destination}"); // clean strings
        Activity.Current?.SetTag("rail.minutes_late", claim.MinutesLate); // clean precision-about
        Activity.Current?.SetTag("rail.smartcard", claim.SmartcardNumber); // leak TC1001 direct
        Activity.Current?.SetTag("rail.smartcard_last4", claim.SmartcardNumber?[^4..]); // clean precision-about

        var share = claim.MinutesLate switch { >= 120 => 1.0m, >= 60 => 0.5m, >= 30 => 0.5m, >= 15 => 0.25m, _ => 0m };
        Claims.Add(1, new KeyValuePair<string, object?>("band", share.ToString(CultureInfo.InvariantCulture)), new KeyValuePair<string, object?>("origin", claim.Origin)); // clean precision-names
        if (share == 0)
        {
            LogRejected(logger, claim.ClaimId, claim.PassengerName); // leak TC1001 direct
            return 0;
        }

        var amount = Math.Round(claim.TicketPrice * share, 2);
        if (claim.PayTo == RefundDestination.StoreCredit)
        {
            var credit = await travelCredit.IssueAsync(claim.PassengerId.ToString(), amount, "delay-repay", ct);
            logger.LogInformation("Delay Repay {ClaimId} paid as travel credit {Credit}", claim.ClaimId, credit); // leak TC1001 logging-objects
            _settled.Add(1, claim.Origin, "credited"); // clean generated-api
        }
        else
        {
            var refund = await gateway.RefundAsync(new RefundRequest(paymentId, amount, "GBP", RefundDestination.OriginalPayment, $"DR {claim.TicketNumber}", new Dictionary<string, string>()), ct);
            logger.LogInformation("Delay Repay {ClaimId} refunded as {RefundId} ({Amount})", claim.ClaimId, refund.RefundId, refund.Amount); // clean precision-names
            _settled.Add(1, claim.Origin, claim.PassengerId.ToString()); // leak TC1003 generated-api
        }

        var cardBucket = (claim.SmartcardNumber ?? claim.TicketNumber).GetHashCode() % 64;
        Activity.Current?.SetTag("rail.card_bucket", cardBucket); // leak TC1002 hashes
        var lane = HMACSHA256.HashData(secrets.ShardKey, claim.PassengerId.ToByteArray())[0] % 4;
        Activity.Current?.SetTag("rail.review_lane", lane); // clean hashes
        return amount;
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Delay Repay claim {ClaimId} for {PassengerName} under fifteen minutes")]
    private static partial void LogRejected(ILogger logger, string claimId, string passengerName);
}
