using PrivacyCorpus.Shared;

namespace PrivacyHoldout64.Transport;

public sealed record RefundClaim(Guid RiderId, string RiderEmail, string CardNumber, string JourneyId, int DelayMinutes, string? Comment);

public sealed record Credited(string RefundId, decimal Amount);

public interface IRefundLedger
{
    /// <summary>Credits the rider's account; its errors name the journey and a code (<c>ledger_unavailable</c> when it is down).</summary>
    Task<Result<Credited, Error>> CreditAsync(RefundClaim claim, CancellationToken cancellationToken);

    bool AlreadyClaimed(string journeyId);
}

/// <summary>Thrown out of the endpoint when a claim is refused; the API has no exception handler of its own.</summary>
public sealed class ClaimRejectedException(string message) : Exception(message);

/// <summary>Thrown out of the endpoint when the ledger is down; the message is the ledger's error code.</summary>
public sealed class RefundsUnavailableException(string code) : Exception($"Refunds are unavailable ({code})");

/// <summary>Delay-repay claims: a minimal API whose handler is a railway, with the outcome thrown or returned.</summary>
public static class RefundEndpoints
{
    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/refunds", HandleAsync);
    }

    private static async Task<string> HandleAsync(RefundClaim claim, IRefundLedger ledger, Pseudonymizer pseudonymizer, ILogger<RefundClaim> logger, CancellationToken cancellationToken)
    {
        var span = Activity.Current.EnrichFarePrice(FareKind.Refund).SetFareJourneyId(claim.JourneyId); // clean generated-api
        span.SetFareRiderId(pseudonymizer.PseudonymizeFareRiderId(claim.RiderId.ToString())).SetFareCardId(pseudonymizer.PseudonymizeFareCardId(claim.CardNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag(FareAttributes.RiderEmail, claim.RiderEmail); // leak TC1001 generated-api
        Activity.Current?.SetBaggage("rider.id", claim.RiderId.ToString()); // leak TC1001 direct
        Activity.Current?.SetBaggage("journey.id", claim.JourneyId); // clean direct
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["journey"] = claim.JourneyId, ["rider"] = claim.RiderId }); // leak TC1001 logging-objects

        claim.Comment.ToOption()
            .Map(comment => comment.Length)
            .Tap(length => logger.LogDebug("Claim comment of {Length} characters", length)); // clean precision-about
        claim.Comment.ToOption()
            .Tap(comment => span.SetFareNote(comment)); // leak TC1001 generated-api
        logger.LogInformation("Claim on card " + claim.CardNumber[..6] + "******" + claim.CardNumber[^4..]); // clean strings
        logger.LogInformation(string.Concat("Claim for ", claim.RiderEmail, " on ", claim.JourneyId)); // leak TC1001 strings

        var result = await Validate(claim, ledger)
            .BindAsync(valid => ledger.CreditAsync(valid, cancellationToken))
            .Tap(credited => logger.LogInformation("Refund {RefundId} of {Amount} credited", credited.RefundId, credited.Amount)) // clean direct
            .OnFailure(error => span.SetFareOutcome($"refused:{error.Code}")); // clean generated-api

        return result.Match(
            credited => credited.RefundId,
            error => error.Code switch
            {
                "ledger_unavailable" => throw new RefundsUnavailableException(error.Code), // clean exceptions
                _ => throw new ClaimRejectedException(error.Message), // leak TC1001 exceptions
            });
    }

    private static Result<RefundClaim, Error> Validate(RefundClaim claim, IRefundLedger ledger) =>
        Guard.Ensure(claim, c => c.DelayMinutes >= 15, c => new Error("too_short", $"A delay of {c.DelayMinutes} minutes on card {c.CardNumber} is under 15 minutes"))
            .Ensure(c => !ledger.AlreadyClaimed(c.JourneyId), c => new Error("duplicate", $"Journey {c.JourneyId} was already claimed"))
            .Bind(c => Guard.NotBlank(c.RiderEmail).Map(_ => c));
}

/// <summary>The nightly batch of claims the ledger could not take at once.</summary>
public sealed class RefundRetryJob(IRefundLedger ledger, ILogger<RefundRetryJob> logger)
{
    public async Task RunAsync(IReadOnlyList<RefundClaim> pending, CancellationToken cancellationToken)
    {
        var outcomes = await Task.WhenAll(pending.Select(async claim => (claim, result: await ledger.CreditAsync(claim, cancellationToken))));
        var (credited, failed) = (outcomes.Count(o => o.result.IsSuccess), outcomes.Where(o => o.result.IsFailure).ToList());
        logger.LogInformation("Retried {Total}: {Credited} credited, {Failed} failed", pending.Count, credited, failed.Count); // clean precision-about
        logger.LogWarning("Still failing: {Journeys}", failed.Select(f => f.claim.JourneyId)); // clean cross-member
        logger.LogWarning("Still failing: {Riders}", failed.Select(f => f.claim.RiderEmail)); // leak TC1001 cross-member
        logger.LogWarning("Still failing: {Claims}", failed.Select(f => f.claim with { Comment = null, RiderEmail = "(hidden)" })); // leak TC1001 logging-objects
    }
}
