namespace PrivacyHoldout65.Transport;

public sealed record RefundClaim(string ClaimId, Guid RiderId, string RiderEmail, string JourneyId, string CardNumber, decimal Amount, string Comment, string DelayCode);

public sealed class ClaimIneligibleException(string claimId, string delayCode) : Exception($"Claim {claimId} is not eligible for delay code {delayCode}");

/// <summary>The refunds team's logger facade: one method per claim event, each with its event id.</summary>
public sealed class RefundLog(ILogger<RefundLog> logger)
{
    private static readonly EventId Received = new(8201, "ClaimReceived");
    private static readonly EventId Paid = new(8202, "ClaimPaid");
    private static readonly EventId Refused = new(8203, "ClaimRefused");

    public void ClaimReceived(RefundClaim claim) =>
        logger.LogInformation(Received, "Claim {ClaimId} for journey {JourneyId}: {Amount}", claim.ClaimId, claim.JourneyId, claim.Amount); // clean direct

    public void ClaimPaid(RefundClaim claim, string riderEmail) =>
        logger.LogInformation(Paid, "Claim {ClaimId} paid, receipt to {RiderEmail}", claim.ClaimId, riderEmail); // leak TC1001 direct

    public void ClaimRefused(RefundClaim claim, Exception reason) =>
        logger.LogWarning(Refused, reason, "Claim {ClaimId} refused", claim.ClaimId);
}

/// <summary>Decides delay-repay claims.</summary>
public sealed class RefundClaimHandler(RefundLog refunds, ILogger<RefundClaimHandler> logger, Pseudonymizer pseudonymizer, ActivitySource source, Meter meter)
{
    private readonly TripPricedCounter _priced = meter.CreateTripPricedCounter();

    public void Decide(RefundClaim claim, bool eligible)
    {
        using var span = source.StartTripProcess("all")
            .SetTripKind(TripKind.Refund)
            .SetTripRiderId(pseudonymizer.PseudonymizeTripRiderId(claim.RiderId.ToString())); // clean precision-pseudonym
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["claim.id"] = claim.ClaimId, ["rider.ref"] = pseudonymizer.ComputeTripRiderId(claim.RiderId.ToString()) }); // clean precision-pseudonym
        using var journeyScope = logger.BeginScope("Claim {ClaimId} for journey {JourneyId} on card {Card}", claim.ClaimId, claim.JourneyId, claim.CardNumber); // leak TC1001 direct

        refunds.ClaimReceived(claim); // clean cross-member
        logger.LogInformation("Claim comment: {Comment}", claim.Comment); // leak TC1001 strings
        logger.LogInformation("Claim comment of {Words} words", claim.Comment.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about

        if (!eligible)
        {
            var reason = new ClaimIneligibleException(claim.ClaimId, claim.DelayCode);
            refunds.ClaimRefused(claim, reason); // clean exceptions
            span.SetTripOutcome("refused:ineligible").SetTripNote(claim.Comment); // leak TC1001 generated-api
            logger.LogTripRefusedEvent("all", "refused:ineligible", tripRiderId: pseudonymizer.PseudonymizeTripRiderId(claim.RiderId.ToString()), tripNote: reason.Message); // clean generated-api
            _priced.Add(1, "all", TripKind.Refund, tripOutcome: $"refused:{claim.DelayCode}"); // clean generated-api
            return;
        }

        refunds.ClaimPaid(claim, claim.RiderEmail); // leak TC1001 cross-member
        span.Activity?.SetTag(TripAttributes.RiderEmail, claim.RiderEmail); // leak TC1001 generated-api
        span.Activity?.SetTag("trip.rider.email_domain", claim.RiderEmail.Split('@')[1]); // clean precision-about
        span.Activity?.AddEvent(new ActivityEvent("claim.paid", tags: new ActivityTagsCollection { ["claim.id"] = claim.ClaimId, ["rider"] = claim.RiderId })); // leak TC1001 direct
        _priced.Add(1, "all", TripKind.Refund, tripOutcome: "paid"); // clean generated-api
    }
}
