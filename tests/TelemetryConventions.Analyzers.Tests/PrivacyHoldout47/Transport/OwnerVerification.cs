using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout47.Support;
using PrivacyHoldout47.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout47.Transport;

// Onboarding of car owners (identity document, proof of ownership) and the damage-claim desk that
// arbitrates between owner and guest.

public sealed record OwnerApplication(Guid OwnerId, string GivenName, string FamilyName, DateOnly DateOfBirth, string PassportNumber, string Postcode, string Plate, string V5cReference);

public sealed record OwnerCheckResult(Guid OwnerId, string CheckId, string Result, string DocumentType, string IssuingCountry, int AgeYears);

public static partial class OwnerLog
{
    [LoggerMessage(EventId = 4771, Level = LogLevel.Information, Message = "Owner check {CheckId}: {Result} ({DocumentType}, {Country})")]
    public static partial void CheckDone(ILogger logger, string checkId, string result, string documentType, string country);

    [LoggerMessage(EventId = 4772, Level = LogLevel.Warning, Message = "Passport {PassportNumber} rejected by the vendor")]
    public static partial void PassportRejected(ILogger logger, [PrivateData] string passportNumber);

    [LoggerMessage(EventId = 4773, Level = LogLevel.Warning, Message = "Ownership proof {V5c} does not match plate {Plate}")]
    public static partial void OwnershipMismatch(ILogger logger, string v5c, string plate);
}

public sealed class OwnerVerificationService(IScreeningVendor vendor, ILogger<OwnerVerificationService> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Marketplace.CarShare.Onboarding");

    public async Task<OwnerCheckResult?> VerifyAsync(OwnerApplication application, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("carshare.owner.verify");
        activity?.SetTag("owner.ref", pseudonymizer.ComputeMarketPartyId(application.OwnerId.ToString())); // clean precision-pseudonym
        activity?.SetTag("owner.passport", application.PassportNumber); // leak TC1001 direct
        activity?.SetTag("owner.passport_fingerprint", Convert.ToHexString(SHA1.HashData(Encoding.ASCII.GetBytes(application.PassportNumber)))); // leak TC1002 hashes

        try
        {
            var report = await vendor.ScreenAsync(new ScreeningRequest(application.GivenName, application.FamilyName, application.DateOfBirth, application.PassportNumber, "passport", application.Postcode), cancellationToken);
            var age = DateTime.UtcNow.Year - application.DateOfBirth.Year;
            var result = new OwnerCheckResult(application.OwnerId, report.CheckId, report.Result, report.DocumentType, report.IssuingCountry, age);
            OwnerLog.CheckDone(logger, result.CheckId, result.Result, result.DocumentType, result.IssuingCountry); // clean precision-about
            activity?.SetTag("owner.age", result.AgeYears); // clean precision-about
            logger.LogInformation("Owner check {Result}", result); // leak TC1001 logging-objects

            if (report.Result == "rejected")
            {
                OwnerLog.PassportRejected(logger, application.PassportNumber); // clean logging-objects
            }

            if (report.FlaggedBreakdowns.Contains("ownership"))
            {
                OwnerLog.OwnershipMismatch(logger, application.V5cReference, application.Plate); // leak TC1001 logging-objects
            }

            return result;
        }
        catch (ScreeningVendorException ex)
        {
            logger.LogError(ex, "Screening vendor failed: {Code}", ex.Code); // clean exceptions
            return null;
        }
    }
}

public sealed class DamageClaimDesk(ILogger<DamageClaimDesk> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Marketplace.CarShare.Claims");

    public void Open(DamageClaim claim)
    {
        using var span = Source.StartMarketBooking("car-share");
        span.SetMarketBookingId(claim.TripId); // clean generated-api
        span.SetMarketAmount((double)claim.Estimate); // clean generated-api
        span.AddMarketDisputeOpenedEvent($"damage claim {claim.ClaimId}", marketBookingId: claim.TripId); // clean generated-api
        span.AddMarketDisputeOpenedEvent(claim.Description); // leak TC1001 generated-api

        var parties = new[] { claim.OwnerId, claim.GuestId };
        logger.LogInformation("Claim {ClaimId} between {Parties}", claim.ClaimId, parties); // leak TC1001 logging-objects
        logger.LogInformation("Claim {ClaimId} between owner {Owner} and guest {Guest}", claim.ClaimId, pseudonymizer.ComputeMarketPartyId(claim.OwnerId.ToString()), pseudonymizer.ComputeMarketPartyId(claim.GuestId.ToString())); // clean precision-pseudonym
    }
}
