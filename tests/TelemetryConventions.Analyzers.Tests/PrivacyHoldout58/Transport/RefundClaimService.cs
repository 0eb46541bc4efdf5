using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout58.Telemetry;
using Sentry;
using TelemetryConventions;

namespace PrivacyHoldout58.Transport;

public sealed record Journey(string JourneyId, string CardNumber, string RouteId, decimal Fare);

/// <summary>A delay-repay or overcharge claim a rider makes in the app, for journeys made with one card.</summary>
public sealed record RefundClaim(Guid ClaimId, string RiderEmail, string CardNumber, IReadOnlyList<string> JourneyIds, string Reason);

/// <summary>Every problem found in a claim, in the words the claims team reads.</summary>
public sealed class ClaimValidationException(Guid claimId, IReadOnlyList<string> problems)
    : Exception($"Claim {claimId} is invalid: {string.Join("; ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// Checks refund claims against the journey ledger before they go to the claims team. Failures go
/// to Sentry, where the claims team's on-call looks at them.
/// </summary>
public sealed class RefundClaimService(
    IReadOnlyDictionary<string, Journey> journeysById,
    IReadOnlyDictionary<string, Guid> riderIdsByEmail,
    IRiderAccounts riders,
    IHub sentry,
    Pseudonymizer pseudonymizer,
    ILogger<RefundClaimService> logger)
{
    private static readonly ActivitySource Source = new("Transit.Fares.Refunds");

    public async Task<bool> SubmitAsync(RefundClaim claim, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("refund.claim.submit");
        activity?.SetTag("refund.claim.id", claim.ClaimId); // clean direct
        activity?.SetTag("refund.journeys", claim.JourneyIds.Count);
        sentry.AddBreadcrumb($"claim {claim.ClaimId} with {claim.JourneyIds.Count} journeys", "refunds"); // clean precision-about
        sentry.ConfigureScope(scope => scope.SetExtra("refund.reason.length", claim.Reason.Length)); // clean precision-about
        sentry.ConfigureScope(scope => scope.SetExtra("refund.reason", claim.Reason)); // leak TC1001 direct

        try
        {
            var riderId = riderIdsByEmail[claim.RiderEmail];
            activity?.SetTag(FaresAttributes.RiderId, pseudonymizer.ComputeFaresRiderId(riderId.ToString())); // clean precision-pseudonym
            await riders.EnsureActiveAsync(riderId, cancellationToken);
            Validate(claim);
            return true;
        }
        catch (Exception ex) when (LogClaimProblem(ex, claim.ClaimId)) // leak TC1001 exceptions
        {
            throw;
        }
        catch (KeyNotFoundException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "no rider account for the claim's email"); // clean precision-names
            activity?.SetTag("refund.lookup.error", ex.Message); // leak TC1001 exceptions
            ex.AddSentryContext("claim", new Dictionary<string, object> { ["claimId"] = claim.ClaimId, ["journeys"] = claim.JourneyIds.Count }); // clean precision-about
            sentry.CaptureException(ex); // leak TC1001 exceptions
            return false;
        }
        catch (RiderAccountSuspendedException ex)
        {
            activity?.SetTag("refund.error.code", ex.Code); // clean exceptions
            activity?.SetTag("refund.suspended.rider", ex.RiderId); // leak TC1001 cross-member
            ex.AddSentryTag("error.code", ex.Code); // clean exceptions
            sentry.CaptureException(ex, scope => scope.User = new SentryUser { Id = pseudonymizer.ComputeFaresRiderId(ex.RiderId.ToString()) }); // leak TC1001 exceptions
            return false;
        }
        catch (ClaimValidationException ex)
        {
            activity?.SetTag("refund.problems", ex.Problems.Count); // clean precision-about
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Claim {ClaimId} has problems: {Problems}", claim.ClaimId, ex.Problems); // leak TC1001 logging-objects
            ex.AddSentryContext("claim", new Dictionary<string, object> { ["claimId"] = claim.ClaimId, ["card"] = claim.CardNumber }); // leak TC1001 direct
            sentry.CaptureException(ex); // leak TC1001 exceptions
            return false;
        }
    }

    private void Validate(RefundClaim claim)
    {
        var problems = new List<string>();
        foreach (var journeyId in claim.JourneyIds)
        {
            if (!journeysById.TryGetValue(journeyId, out var journey))
            {
                problems.Add($"journey {journeyId} is not in the ledger");
            }
            else if (journey.CardNumber != claim.CardNumber)
            {
                problems.Add($"journey {journeyId} was not made with card {claim.CardNumber}");
            }
        }
        if (claim.Reason.Length > 500)
        {
            problems.Add("the reason is longer than 500 characters");
        }
        if (problems.Count > 0)
        {
            throw new ClaimValidationException(claim.ClaimId, problems);
        }
    }

    private bool LogClaimProblem(Exception ex, Guid claimId)
    {
        logger.LogWarning(ex, "Claim {ClaimId} could not be accepted", claimId);
        return false;
    }
}
