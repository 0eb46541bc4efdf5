namespace PrivacyHoldout151.Transport;

/// <summary>Refunds of fares to job interviews for claimants, paid on the jobseeker discount card's account.</summary>
public static class InterviewFareRefundEndpoints
{
    private static readonly ActivitySource Source = new("Transport.InterviewFares");
    private static readonly Meter Meter = new("Transport.InterviewFares");
    private static readonly Histogram<double> Fares = Meter.CreateHistogram<double>("interview_fares.amount", "GBP");

    public static void Map(EndpointRoutes routes) => routes.MapPost("/fares/interview", Claim);

    public static ActionResult Claim(InterviewFareClaim claim, JobseekerDiscountCard card, Pseudonymizer pseudonymizer, Meter meter, WelfareOptions options, ILogger<InterviewFareClaim> logger)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartConcessionOperation(card.Jobcentre);
        span.SetConcessionClaimantId(pseudonymizer.PseudonymizeConcessionClaimantId(claim.Nino)); // clean precision-pseudonym
        Activity.Current?.SetTag("fare.claim.id", claim.ClaimId); // clean precision-names
        Activity.Current?.SetTag("fare.receipt.ref", claim.ReceiptRef); // clean precision-names
        Activity.Current?.SetTag("fare.journey", claim.Journey); // clean precision-about
        Activity.Current?.SetTag("fare.discount_card", card.CardNumber); // leak TC1001 direct
        Activity.Current?.SetTag("fare.discount_card.percent", card.DiscountPercent); // clean precision-about
        Activity.Current?.SetTag("fare.claimant", pseudonymizer.Pseudonymize("claimant", claim.Nino)); // clean precision-pseudonym
        Activity.Current?.SetTag("fare.claimant.declared", Pseudonym.FromComputed(claim.Nino)); // leak TC1001 precision-pseudonym
        Fares.Record((double)claim.Fare, new KeyValuePair<string, object?>("jobcentre", card.Jobcentre)); // clean precision-about
        Fares.Record((double)claim.Fare, new KeyValuePair<string, object?>("claimant", pseudonymizer.PseudonymizeConcessionClaimantId(claim.Nino))); // leak TC1003 precision-pseudonym

        if (claim.Fare * 100 > options.InterviewFareCapPence)
        {
            var ex = new FareCapExceededException(claim.Fare);
            logger.LogWarning(ex, "Interview fare claim {ClaimId} over the cap", claim.ClaimId); // clean exceptions
            logger.LogConcessionOperationFailedEvent(card.Jobcentre, "over-cap", concessionNote: ex.Message); // clean exceptions
            return new BadRequestResult(ex.Message);
        }

        logger.LogInformation("Interview fare {Claim} refunded on card {Card}", claim.ClaimId, card); // leak TC1001 logging-objects
        logger.LogInformation("Interview fare refunded: " + claim.Journey + ", " + claim.Fare.ToString(CultureInfo.InvariantCulture)); // clean strings
        logger.LogInformation("Interview fare refunded to " + claim.Nino + " for " + claim.Journey); // leak TC1001 strings
        meter.CreateConcessionTapsCounter().Add(1, concessionOperator: card.Jobcentre, concessionOutcome: "refunded"); // clean generated-api
        meter.CreateConcessionClaimDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, concessionOperator: card.Jobcentre); // clean generated-api
        return new OkResult(claim.ClaimId);
    }
}
