using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout40.Support;
using PrivacyHoldout40.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout40.Transport;

/// <summary>
/// Travellers who bought excess reimbursement cover with a hire car booking claim back the excess the
/// rental company charged them after damage.
/// </summary>
public sealed record ClaimExcessBack(
    string BookingReference,
    string PolicyNumber,
    string RenterEmail,
    string RentalAgreementNumber,
    string RentalCompany,
    string HireCarRegistration,
    decimal ExcessCharged,
    string Currency,
    IReadOnlyList<IFormFile> Documents) : IRequest<string>;

public sealed record ExcessPolicy(string PolicyNumber, string RenterEmail, DateOnly CoverStart, DateOnly CoverEnd, decimal Limit, int ClaimsMade);

public interface IExcessPolicies
{
    Task<ExcessPolicy?> FindAsync(string policyNumber, CancellationToken cancellationToken);
}

/// <summary>Thrown when the booking lies outside the policy's dates; nothing in the service catches it.</summary>
public sealed class OutsideCoverPeriodException(string policyNumber, string bookingReference)
    : Exception($"Booking {bookingReference} is outside the cover period of policy {policyNumber}");

/// <summary>Thrown when the annual limit is used up; the message names the limit only.</summary>
public sealed class ExcessLimitReachedException(decimal limit)
    : Exception($"The annual limit of {limit:0.00} has been reached");

public static partial class ExcessClaimLog
{
    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "Excess claim opened for {Renter} on booking {BookingReference}")]
    public static partial void ExcessClaimOpened(ILogger logger, Pseudonym renter, string bookingReference);
}

public sealed class ClaimExcessBackHandler(
    IExcessPolicies policies,
    IBlobContainer documents,
    Pseudonymizer pseudonymizer,
    ILogger<ClaimExcessBackHandler> logger) : IRequestHandler<ClaimExcessBack, string>
{
    public async Task<string> Handle(ClaimExcessBack request, CancellationToken cancellationToken)
    {
        var policy = await policies.FindAsync(request.PolicyNumber, cancellationToken);
        if (policy is null || !string.Equals(policy.RenterEmail, request.RenterEmail, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("Excess claim for booking {BookingReference} does not match a policy (email {Email})", request.BookingReference, request.RenterEmail); // leak TC1001 direct
            return "not-found";
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        if (today < policy.CoverStart || today > policy.CoverEnd.AddDays(60))
        {
            throw new OutsideCoverPeriodException(policy.PolicyNumber, request.BookingReference); // leak TC1001 exceptions
        }

        if (policy.ClaimsMade >= 3)
        {
            throw new ExcessLimitReachedException(policy.Limit); // clean exceptions
        }

        var claimId = "XR-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var renter = pseudonymizer.PseudonymizeCoverPolicyholderId(policy.PolicyNumber);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ClaimId"] = claimId, ["Renter"] = renter.Value }); // clean precision-pseudonym
        ExcessClaimLog.ExcessClaimOpened(logger, renter, request.BookingReference); // clean precision-pseudonym

        var span = Activity.Current.EnrichCoverClaim("excess", CoverClaimStage.Fnol);
        span.SetCoverClaimId(claimId);
        span.SetCoverPolicyholderId(renter); // clean precision-pseudonym
        span.SetCoverExcessAmount((double)request.ExcessCharged);
        span.SetCoverEvidenceCount(request.Documents.Count);
        Activity.Current?.SetTag("excess.rental_company", request.RentalCompany);
        Activity.Current?.SetTag("excess.rental_agreement", request.RentalAgreementNumber); // clean direct
        Activity.Current?.SetTag("excess.hire_car", request.HireCarRegistration); // clean direct
        Activity.Current?.SetTag("excess.currency", request.Currency);

        foreach (var document in request.Documents)
        {
            await using var content = document.OpenReadStream();
            var uri = await documents.UploadAsync($"excess/{claimId}/{document.Name}-{Guid.NewGuid():N}", content, cancellationToken);
            logger.LogDebug("Stored {Field} as {Uri}", document.Name, uri); // clean strings
        }

        Activity.Current?.SetBaggage("cover.policy", request.PolicyNumber); // leak TC1001 direct
        return claimId;
    }
}
