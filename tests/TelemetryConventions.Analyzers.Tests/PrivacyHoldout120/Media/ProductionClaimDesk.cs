namespace PrivacyHoldout120.Media;

public sealed record ProductionIncident(string ProductionCode, string ShootDay, string Kind, string? CastMemberName, string? CastAgentEmail, string? EquipmentAssetTag, decimal EstimatedLoss, string ReportedByEmail, string Details);

/// <summary>The production office's claims desk: cast absence and equipment damage claims under the production's policy.</summary>
public sealed class ProductionClaimDesk(IClaimsApi claims, ILogger<ProductionClaimDesk> logger)
{
    private const string ProductionPolicy = "PRD-2025-0117";
    private static readonly ActivitySource Source = new("Studio.Production.Claims");
    private static readonly Meter Meter = new("Studio.Production.Claims");
    private static readonly EventcoverClaimDurationHistogram Duration = Meter.CreateEventcoverClaimDurationHistogram();

    private string _lastReporter = string.Empty;

    public async Task NotifyAsync(ProductionIncident incident, CancellationToken ct)
    {
        _lastReporter = incident.ReportedByEmail;
        var started = Stopwatch.GetTimestamp();
        using var activity = Source.StartActivity("production.claim.notify");
        activity?.SetTag("production.code", incident.ProductionCode); // clean precision-names
        activity?.SetTag("production.policy", ProductionPolicy); // clean precision-names
        activity?.SetTag("production.asset", incident.EquipmentAssetTag); // clean precision-names

        var intake = await claims.SubmitFnolAsync(new FirstNoticeOfLoss(ProductionPolicy, DateTimeOffset.UtcNow, incident.Kind, incident.Details, incident.ReportedByEmail, "+44 20 7946 0999"), ct);
        activity?.SetTag("production.claim", intake.ClaimId); // clean precision-names
        if (incident.Kind == "cast-absence")
        {
            activity?.SetTag("production.cast_member", incident.CastMemberName); // leak TC1001 direct
            logger.LogInformation("Cast absence claim {ClaimId} on day {Day}, agent {Agent}", intake.ClaimId, incident.ShootDay, incident.CastAgentEmail); // leak TC1001 direct
        }

        logger.LogInformation("Incident {Incident}", incident); // leak TC1001 logging-objects
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, incident.Kind, intake.Status); // clean generated-api
        await ReportAdjusterAsync(intake);
    }

    private Task ReportAdjusterAsync(ClaimIntakeResult intake)
    {
        Activity.Current?.AddEvent(new ActivityEvent("adjuster.assigned", tags: new ActivityTagsCollection
        {
            ["adjuster.firm"] = intake.AssignedAdjuster?.Firm, // clean precision-names
            ["adjuster.mobile_or_email"] = intake.AssignedAdjuster?.Email, // leak TC1001 direct
            ["reported_by"] = _lastReporter, // leak TC1001 cross-member
        }));
        return Task.CompletedTask;
    }
}
