using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout43.Support;
using PrivacyHoldout43.Support.Agencies;
using PrivacyHoldout43.Support.Identity;
using PrivacyHoldout43.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout43.Education;

public sealed record FsmChild(string UniquePupilNumber, string FirstName, string YearGroup);

/// <summary>A parent's online application for free school meals, checked against the benefits and tax departments.</summary>
public sealed record FsmApplication(
    Guid ApplicationId,
    string ParentNationalInsuranceNumber,
    string ParentFamilyName,
    DateOnly ParentDateOfBirth,
    string ParentEmail,
    string SchoolUrn,
    IReadOnlyList<FsmChild> Children);

public sealed record CheckFsmEligibility(FsmApplication Application, string GatewayAccessToken) : IRequest<FsmOutcome>;

public sealed record FsmOutcome(Guid ApplicationId, string Outcome, string? CheckReference);

public sealed class FsmEligibilityHandler(
    IEntitlementService benefits,
    IIncomeCheckService tax,
    IIdentityGatewayClient gateway,
    ActivitySource source,
    Meter meter,
    ILogger<FsmEligibilityHandler> logger,
    Pseudonymizer pseudonymizer,
    TimeProvider clock) : IRequestHandler<CheckFsmEligibility, FsmOutcome>
{
    private readonly Counter<long> _eligibleChildren = meter.CreateCounter<long>("fsm.children.eligible", "{child}");

    public async Task<FsmOutcome> Handle(CheckFsmEligibility request, CancellationToken cancellationToken)
    {
        var application = request.Application;
        var activity = Activity.Current;

        var user = await gateway.GetUserInfoAsync(request.GatewayAccessToken, cancellationToken);
        activity?.SetTag("gateway.vot", user.Vot); // clean precision-about
        activity?.SetTag("enduser.id", user.Sub); // leak TC1001 direct

        using var check = source.StartAgencyCheck("dwp", "benefit-entitlement");
        check.SetAgencyCitizenRef(pseudonymizer.PseudonymizeAgencyCitizenRef(application.ParentNationalInsuranceNumber)); // clean precision-pseudonym

        var query = new EntitlementQuery(application.ParentNationalInsuranceNumber, application.ParentFamilyName, application.ParentDateOfBirth, "universal-credit");
        logger.LogInformation("Checking entitlement {@Query}", query); // leak TC1001 logging-objects

        EntitlementResult result;
        try
        {
            result = await benefits.CheckAsync(query, cancellationToken);
        }
        catch (AgencyFaultException ex)
        {
            check.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogAgencyCheckFailedEvent("dwp", ex.Code, pseudonymizer.PseudonymizeAgencyCitizenRef(application.ParentNationalInsuranceNumber)); // clean generated-api
            return await FallBackToIncomeCheckAsync(application, cancellationToken);
        }

        check.SetAgencyResult(result.Outcome); // clean cross-member
        activity?.SetTag("fsm.check_reference", result.CheckReference); // clean direct
        meter.CreateAgencyChecksCounter().Add(1, "dwp", result.Outcome); // clean generated-api

        var cacheKey = $"fsm:{application.ParentNationalInsuranceNumber}:{clock.GetUtcNow():yyyyMM}";
        logger.LogDebug("Caching outcome under {CacheKey}", cacheKey); // leak TC1001 strings

        if (result.Outcome == "eligible")
        {
            foreach (var child in application.Children)
            {
                activity?.AddEvent(new ActivityEvent("fsm.child.eligible", tags: new ActivityTagsCollection { ["pupil.upn"] = child.UniquePupilNumber, ["pupil.year_group"] = child.YearGroup })); // leak TC1001 direct
            }

            _eligibleChildren.Add(application.Children.Count, new KeyValuePair<string, object?>("school.urn", application.SchoolUrn)); // clean direct
        }

        logger.LogInformation("FSM outcome for {ParentFamilyName}: {Outcome}", application.ParentFamilyName, result.Outcome); // leak TC1001 direct
        return new FsmOutcome(application.ApplicationId, result.Outcome, result.CheckReference);
    }

    private async Task<FsmOutcome> FallBackToIncomeCheckAsync(FsmApplication application, CancellationToken cancellationToken)
    {
        using var check = source.StartAgencyCheck("hmrc", "income-band");
        var band = await tax.GetIncomeBandAsync(application.ParentNationalInsuranceNumber, clock.GetUtcNow().Year - 1, cancellationToken);
        check.SetAgencyResult(band.UnderThreshold ? "eligible" : "not-eligible"); // clean precision-about
        Activity.Current?.SetTag("fsm.income.band", band.Band); // clean precision-about

        var outcome = band.UnderThreshold ? "eligible" : "not-eligible";
        logger.LogInformation("Income fallback for application {ApplicationId}: {Outcome} ({Children} children)", application.ApplicationId, outcome, application.Children.Count);
        return new FsmOutcome(application.ApplicationId, outcome, band.CheckReference);
    }
}
