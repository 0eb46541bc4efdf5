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

namespace PrivacyHoldout47.Healthcare;

// Onboarding of independent carers: an enhanced DBS check, a right-to-work document and the HCPC
// register when the carer offers physiotherapy.

public sealed record CarerApplication(Guid ApplicationId, string GivenName, string FamilyName, DateOnly DateOfBirth, string Email, string Phone, string DbsCertificateNumber, string? HcpcRegistration, string Postcode);

public static partial class OnboardingLog
{
    [LoggerMessage(EventId = 4701, Level = LogLevel.Information, Message = "Screening started for applicant {Email}")]
    public static partial void ScreeningStarted(ILogger logger, [PrivateData] string email);

    [LoggerMessage(EventId = 4702, Level = LogLevel.Warning, Message = "DBS certificate {CertificateNumber} could not be verified")]
    public static partial void DbsNotVerified(ILogger logger, string certificateNumber);

    [LoggerMessage(EventId = 4703, Level = LogLevel.Information, Message = "Screening {CheckId} finished: {Result}")]
    public static partial void ScreeningFinished(ILogger logger, string checkId, string result);
}

public sealed class DbsMismatchException(string certificateNumber, string familyName)
    : Exception($"DBS certificate {certificateNumber} does not belong to {familyName}");

public sealed class CarerOnboarding(IScreeningVendor vendor, ILogger<CarerOnboarding> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("Marketplace.Care.Onboarding");

    public async Task<bool> ScreenAsync(CarerApplication application, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("care.onboarding.screen");
        activity?.SetTag("onboarding.application.id", application.ApplicationId); // clean precision-about
        activity?.SetTag("onboarding.applicant", pseudonymizer.PseudonymizeMarketPartyId(application.Email)); // clean precision-pseudonym
        activity?.SetTag("onboarding.has_hcpc", application.HcpcRegistration is not null); // clean precision-about
        activity?.SetTag("onboarding.hcpc_registration", application.HcpcRegistration); // leak TC1001 direct
        OnboardingLog.ScreeningStarted(logger, application.Email); // clean logging-objects

        try
        {
            var report = await vendor.ScreenAsync(
                new ScreeningRequest(application.GivenName, application.FamilyName, application.DateOfBirth, application.DbsCertificateNumber, "dbs-enhanced", application.Postcode),
                cancellationToken);

            OnboardingLog.ScreeningFinished(logger, report.CheckId, report.Result); // clean precision-about
            activity?.SetTag("onboarding.flags", string.Join(",", report.FlaggedBreakdowns)); // clean precision-names
            if (report.Result != "clear")
            {
                OnboardingLog.DbsNotVerified(logger, application.DbsCertificateNumber); // leak TC1001 logging-objects
                activity?.AddEvent(new ActivityEvent("onboarding.referred", tags: new ActivityTagsCollection { ["applicant.dob"] = application.DateOfBirth.ToString("O") })); // leak TC1001 direct
                throw new DbsMismatchException(application.DbsCertificateNumber, application.FamilyName);
            }

            return true;
        }
        catch (DbsMismatchException ex)
        {
            logger.LogWarning(ex, "Application {ApplicationId} referred to a reviewer", application.ApplicationId); // leak TC1001 exceptions
            return false;
        }
        catch (ScreeningVendorException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return false;
        }
    }

    public void TagDuplicateCheck(Activity? activity, CarerApplication application)
    {
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(application.Phone)))[..16];
        activity?.SetTag("onboarding.phone_digest", digest); // leak TC1002 hashes
        using var hmac = new HMACSHA256(secrets.ShardKey);
        var lane = hmac.ComputeHash(Encoding.UTF8.GetBytes(application.Phone))[0] % 8;
        activity?.SetTag("onboarding.review_lane", lane); // clean hashes
        activity?.SetTag(MarketAttributes.PartyContact, application.Phone); // leak TC1001 generated-api
    }
}
