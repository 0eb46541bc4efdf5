namespace PrivacyHoldout89.Healthcare;

/// <summary>The chart of one patient, as the EPR loads it before the authorization check. A record: prints its members.</summary>
public sealed record PatientChart(string HospitalNumber, string FamilyName, string Ward, bool Restricted, IReadOnlyList<string> CareTeam);

/// <summary>Reading or amending a chart needs a legitimate relationship with the patient.</summary>
public sealed record LegitimateRelationshipRequirement(string Operation) : IAuthorizationRequirement;

public static class ChartOperations
{
    public static readonly LegitimateRelationshipRequirement Read = new("read");

    public static readonly LegitimateRelationshipRequirement Amend = new("amend");
}

public interface ICareTeamDirectory
{
    Task<IReadOnlyList<string>> GetWardsForStaffAsync(string staffNumber, CancellationToken cancellationToken);

    Task<bool> IsOnEpisodeAsync(string staffNumber, string hospitalNumber, CancellationToken cancellationToken);
}

/// <summary>
/// The trust's legitimate-relationship rule: the clinician is on the patient's care team or on the
/// current episode; otherwise an active break-glass grant lets them in, and everything else is refused.
/// </summary>
public sealed partial class CareRelationshipHandler(
    ICareTeamDirectory directory,
    IEmergencyAccessStore emergencyGrants,
    ActivitySource source,
    Meter meter,
    ILogger<CareRelationshipHandler> logger,
    Pseudonymizer pseudonymizer)
    : AuthorizationHandler<LegitimateRelationshipRequirement, PatientChart>
{
    private readonly Counter<long> _denials = meter.CreateCounter<long>("clinicauthz.chart.denials", "{denial}", "Charts refused, by ward and reason.");

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, LegitimateRelationshipRequirement requirement, PatientChart chart)
    {
        var staffNumber = context.User.FindFirstValue("staff_number");
        if (staffNumber is null)
        {
            var roles = context.User.FindAll(ClaimTypes.Role).Select(c => c.Value);
            logger.LogWarning("Chart {Operation} refused: token without staff_number (roles {Roles})", requirement.Operation, string.Join(",", roles)); // clean precision-names
            context.Fail(new AuthorizationFailureReason(this, "The token carries no staff_number claim."));
            return;
        }

        using var span = source.StartClinicauthzAuthorize("LegitimateRelationship");
        span.SetClinicauthzOperation(requirement.Operation).SetClinicauthzResourceType("chart");
        span.SetClinicauthzSubjectId(pseudonymizer.PseudonymizeClinicauthzSubjectId(chart.HospitalNumber)); // clean precision-pseudonym
        span.SetClinicauthzActorId(pseudonymizer.PseudonymizeClinicauthzActorId(staffNumber)); // clean precision-pseudonym

        if (chart.CareTeam.Contains(staffNumber, StringComparer.OrdinalIgnoreCase)
            || await directory.IsOnEpisodeAsync(staffNumber, chart.HospitalNumber, CancellationToken.None))
        {
            span.SetClinicauthzDecision("allow").SetClinicauthzAccessMode("direct");
            context.Succeed(requirement);
            return;
        }

        var grant = await emergencyGrants.FindActiveAsync(staffNumber, chart.HospitalNumber, CancellationToken.None);
        if (grant is not null)
        {
            span.SetClinicauthzDecision("allow").SetClinicauthzAccessMode("break_glass");
            span.SetClinicauthzGrantId(grant.GrantId); // clean precision-names
            logger.LogInformation("Chart {HospitalNumber} opened under break-glass grant {GrantId}", chart.HospitalNumber, grant.GrantId); // leak TC1001 direct
            context.Succeed(requirement);
            return;
        }

        var wards = await directory.GetWardsForStaffAsync(staffNumber, CancellationToken.None);
        var reason = chart.Restricted ? "restricted_record" : wards.Contains(chart.Ward) ? "not_on_episode" : "other_ward";
        span.SetClinicauthzDecision("deny");
        span.SetClinicauthzReason(reason); // clean precision-about
        _denials.Add(1, new KeyValuePair<string, object?>("ward", chart.Ward), new KeyValuePair<string, object?>("reason", reason)); // clean precision-names
        _denials.Add(1, new KeyValuePair<string, object?>("clinician", staffNumber)); // leak TC1003 direct
        Activity.Current?.AddEvent(new ActivityEvent("chart.denied", tags: new ActivityTagsCollection { ["ward"] = chart.Ward, ["care_team.size"] = chart.CareTeam.Count, ["wards.held"] = wards.Count })); // clean precision-about

        // The reason's message is what the 403 handler and the sign-in audit later print.
        context.Fail(new AuthorizationFailureReason(this, $"{staffNumber} has no legitimate relationship with {chart.HospitalNumber} ({reason})"));
        LogRefusedClassified(logger, requirement.Operation, chart.Ward, staffNumber); // clean precision-pseudonym
        LogRefusedPatient(logger, requirement.Operation, chart.FamilyName); // leak TC1001 direct
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Operation} on a chart in {Ward} for {StaffNumber}")]
    private static partial void LogRefusedClassified(ILogger logger, string operation, string ward, [PrivateData] string staffNumber);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused {Operation} on the chart of {FamilyName}")]
    private static partial void LogRefusedPatient(ILogger logger, string operation, string familyName);
}
