using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using PrivacyHoldout43.Support.Agencies;
using PrivacyHoldout43.Support.Identity;
using PrivacyHoldout43.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout43.Transport;

/// <summary>
/// An application for a disabled person's parking badge. Applicants who get the higher mobility rate
/// of a disability benefit qualify without further assessment, so the council checks with the
/// benefits department first.
/// </summary>
public sealed record BlueBadgeApplication(
    string ApplicationId,
    string NationalInsuranceNumber,
    string ApplicantName,
    DateOnly DateOfBirth,
    string Postcode,
    string EligibilityRoute,
    string? ExistingBadgeNumber,
    string GatewaySubject);

public sealed record BlueBadge(string BadgeNumber, string ApplicationId, DateOnly ExpiresOn, string LocalAuthorityCode);

public sealed record BadgeRefusalAppeal(string ApplicationId, string Statement, bool RequestsMobilityAssessment);

public sealed partial class BlueBadgeService(
    IEntitlementService benefits,
    IIdentityGatewayClient gateway,
    ActivitySource source,
    ILogger<BlueBadgeService> logger,
    Pseudonymizer pseudonymizer)
{
    public async Task<bool> CheckAutomaticEligibilityAsync(BlueBadgeApplication application, string gatewayAccessToken, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("badge.eligibility_route", application.EligibilityRoute); // clean precision-about
        activity?.SetTag("badge.gateway.subject", application.GatewaySubject); // leak TC1001 direct

        var user = await gateway.GetUserInfoAsync(gatewayAccessToken, cancellationToken);

        using var check = source.StartAgencyCheck("dwp", "mobility-component");
        check.SetAgencyCitizenRef(pseudonymizer.PseudonymizeAgencyCitizenRef(application.NationalInsuranceNumber)) // clean precision-pseudonym
            .SetAgencyConfidence(user.Vot); // clean cross-member

        logger.LogInformation("Mobility check for {NationalInsuranceNumber}", application.NationalInsuranceNumber); // leak TC1001 direct
        Baggage.SetBaggage("badge.applicant", pseudonymizer.ComputeAgencyCitizenRef(application.NationalInsuranceNumber)); // clean precision-pseudonym

        try
        {
            var result = await benefits.CheckAsync(new EntitlementQuery(application.NationalInsuranceNumber, application.ApplicantName.Split(' ')[^1], application.DateOfBirth, "pip-mobility"), cancellationToken);
            check.SetAgencyResult(result.Outcome); // clean cross-member
            return result.Outcome == "eligible";
        }
        catch (AgencyFaultException ex)
        {
            logger.LogAgencyCheckFailedEvent("dwp", ex.Message, pseudonymizer.PseudonymizeAgencyCitizenRef(application.NationalInsuranceNumber)); // leak TC1001 generated-api
            return false;
        }
    }

    public void Issue(BlueBadgeApplication application, BlueBadge badge)
    {
        var activity = Activity.Current;
        activity?.SetTag("badge.local_authority", badge.LocalAuthorityCode); // clean direct
        logger.LogInformation("Badge {BadgeNumber} issued, expires {ExpiresOn}", badge.BadgeNumber, badge.ExpiresOn); // leak TC1001 direct

        if (application.ExistingBadgeNumber is { } previous)
        {
            logger.LogInformation("Replaces badge ending {Ending}", previous[^4..]); // clean precision-about
        }
    }

    public void Refused(BlueBadgeApplication application, BadgeRefusalAppeal appeal, int walkingScore)
    {
        var span = new CaseworkCaseSpan(Activity.Current);
        span.AddCaseworkDecisionRecordedEvent("refused", pseudonymizer.PseudonymizeCaseworkSubjectId(application.NationalInsuranceNumber), $"walking assessment {walkingScore}/12"); // clean generated-api
        AppealReceived(logger, appeal.ApplicationId, appeal.Statement); // clean direct
        AssessmentRequested(logger, appeal.ApplicationId, application.ApplicantName); // leak TC1001 direct
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Appeal on badge application {ApplicationId}: {Statement}")]
    private static partial void AppealReceived(ILogger logger, string applicationId, [PrivateData] string statement);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Mobility assessment requested on {ApplicationId} for {ApplicantName}")]
    private static partial void AssessmentRequested(ILogger logger, string applicationId, string applicantName);
}
