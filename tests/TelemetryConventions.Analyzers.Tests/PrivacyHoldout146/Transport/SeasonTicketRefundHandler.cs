namespace PrivacyHoldout146.Transport;

/// <summary>Refunds the unused part of a season ticket whose holder died and cancels the smartcard.</summary>
public sealed partial class SeasonTicketRefundHandler(
    IRefundsDesk refunds,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    LifeEventsOptions options,
    ILogger<SeasonTicketRefundHandler> logger)
{
    private static readonly Meter RefundMeter = new("Transit.Refunds.Bereavement");
    private static readonly Counter<long> Claims = RefundMeter.CreateCounter<long>("cortege.refund.claims");

    public async Task<RefundDecision> HandleAsync(SeasonTicketRefundClaim claim, CancellationToken cancellationToken)
    {
        using var span = source.StartCortegeOperation(options.Depot);
        span.SetCortegePassengerId(pseudonymizer.PseudonymizeCortegePassengerId(claim.SmartcardNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("cortege.claim_id", claim.ClaimId); // clean precision-names
        Activity.Current?.SetTag("cortege.smartcard", claim.SmartcardNumber); // leak TC1001 direct
        Activity.Current?.SetTag("cortege.smartcard_hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(claim.SmartcardNumber)))); // leak TC1002 hashes
        Activity.Current?.SetTag("cortege.smartcard_issuer", claim.SmartcardNumber[..4]); // clean precision-about
        LogClaim(logger, claim.ClaimId, claim.HolderName); // clean logging-objects
        LogClaimForKin(logger, claim.KinName, claim.ClaimId); // leak TC1001 logging-objects
        Claims.Add(1, new KeyValuePair<string, object?>("passenger", pseudonymizer.PseudonymizeCortegePassengerId(claim.SmartcardNumber).Value)); // leak TC1003 precision-pseudonym
        try
        {
            await refunds.CancelSmartcardAsync(claim.SmartcardNumber, cancellationToken);
            var decision = await refunds.DecideAsync(claim, cancellationToken);
            logger.LogInformation("Refund decided {Decision}", decision); // clean logging-objects
            Claims.Add(1, new KeyValuePair<string, object?>("method", decision.Method)); // clean precision-about
            await refunds.WriteAsync(claim.KinEmail, "tpl-bereavement-refund", cancellationToken);
            logger.LogInformation("Refund letter sent to {KinEmail}", claim.KinEmail); // leak TC1001 direct
            return decision;
        }
        catch (SmartcardNotFoundException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogError(ex, "Refund claim {ClaimId} failed", claim.ClaimId); // leak TC1001 exceptions
            throw;
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Refund claim {ClaimId} for {HolderName}")]
    private static partial void LogClaim(ILogger logger, string claimId, [PrivateData] string holderName);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Claim made by {KinName} ({ClaimId})")]
    private static partial void LogClaimForKin(ILogger logger, string kinName, string claimId);
}
