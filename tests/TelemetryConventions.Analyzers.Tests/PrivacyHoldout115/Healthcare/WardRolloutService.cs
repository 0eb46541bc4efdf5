namespace PrivacyHoldout115.Healthcare;

public sealed record Clinician(string StaffId, string DisplayName, string Upn, string Ward);

/// <summary>
/// Rolls the EPR's new observations chart out ward by ward, with named clinicians opted in early
/// (the clinical safety officer's pilot group) and a kill switch the safety officer can pull.
/// </summary>
public sealed class WardRolloutService(IFlagStore store, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<WardRolloutService> logger)
{
    private static readonly ActivitySource Source = new("Trust.Epr.Rollout");
    private static readonly Meter Meter = new("Trust.Epr.Rollout");
    private static readonly Counter<long> Served = Meter.CreateCounter<long>("epr.obs_chart.served");

    private readonly HashSet<string> _pilotWards = new(StringComparer.Ordinal) { "W12", "W14", "AMU" };

    public async Task<bool> UseNewChartAsync(Clinician clinician, string ward, CancellationToken ct)
    {
        using var span = Source.StartCareflagEvaluate("obs-chart-v2");
        var kill = await store.GetKillSwitchAsync("obs-chart-v2", ct);
        if (kill is { Engaged: true })
        {
            span.SetCareflagOutcome("killed").SetCareflagNote(kill.Reason); // clean generated-api
            return false;
        }

        var overrides = await store.GetOverridesAsync("obs-chart-v2", ct);
        var overridden = overrides.Any(o => o.SubjectKey == clinician.StaffId);
        span.SetCareflagSegment(ward).SetCareflagOutcome(overridden ? "overridden" : "served"); // clean precision-names
        span.SetCareflagBucket(KeyedBucket.Of(secrets.ShardKey, clinician.StaffId, 100)); // clean hashes
        Activity.Current?.SetTag("epr.rollout.override_count", overrides.Count); // clean precision-about
        Activity.Current?.SetTag("epr.rollout.pilot_clinician", overridden ? clinician.Upn : null); // leak TC1001 direct

        var enabled = overridden || _pilotWards.Contains(ward);
        Served.Add(1, new KeyValuePair<string, object?>("ward", ward), new KeyValuePair<string, object?>("enabled", enabled)); // clean precision-about
        Served.Add(1, new KeyValuePair<string, object?>("clinician", pseudonymizer.ComputeCareflagOperatorId(clinician.StaffId))); // leak TC1003 precision-pseudonym
        return enabled;
    }

    public async Task AddPilotCliniciansAsync(string actingStaffId, IReadOnlyList<Clinician> clinicians, CancellationToken ct)
    {
        using var span = Source.StartCareflagChange("obs-chart-v2").SetCareflagOperatorId(pseudonymizer.PseudonymizeCareflagOperatorId(actingStaffId)); // clean precision-pseudonym
        foreach (var clinician in clinicians)
        {
            await store.SaveOverrideAsync(new FlagOverride("obs-chart-v2", clinician.StaffId, "on", actingStaffId, DateTimeOffset.UtcNow.AddDays(30)), ct);
        }
        span.SetCareflagNote($"{clinicians.Count} clinicians added to the pilot"); // clean generated-api
        logger.LogInformation("Pilot clinicians added to obs-chart-v2: {Clinicians}", string.Join(", ", clinicians.Select(c => c.DisplayName))); // leak TC1001 strings
        logger.LogInformation("Pilot group changed by {Operator}", actingStaffId); // leak TC1001 direct
    }

    public async Task PullKillSwitchAsync(Clinician safetyOfficer, string reason, CancellationToken ct)
    {
        var killSwitch = new KillSwitch("obs-chart-v2", true, reason, safetyOfficer.Upn, DateTimeOffset.UtcNow);
        await store.SaveKillSwitchAsync(killSwitch, ct);
        using var span = Source.StartCareflagChange("obs-chart-v2").SetCareflagRolloutPercentage(0).SetCareflagOutcome("killed"); // clean generated-api
        logger.LogWarning("Kill switch engaged: {KillSwitch}", killSwitch); // leak TC1001 logging-objects
        logger.LogWarning("Kill switch on {Feature} engaged at {At} because {Reason}", killSwitch.Feature, killSwitch.EngagedAt, killSwitch.Reason); // clean logging-objects
        Activity.Current?.SetStatus(ActivityStatusCode.Error, new KillSwitchEngagedException(killSwitch.Feature, reason).Message); // clean exceptions
    }
}
