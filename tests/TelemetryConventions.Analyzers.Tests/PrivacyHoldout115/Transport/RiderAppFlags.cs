using LaunchDarkly.Sdk;
using LaunchDarkly.Sdk.Server;

namespace PrivacyHoldout115.Transport;

public sealed record RiderAppSession(Guid RiderAccountId, string InstallationId, string AppVersion, string Platform, string HomeZone, string? TravelCard);

/// <summary>
/// Serves the rider app's flags at start-up (the new journey planner, live crowding, tap-to-pay), evaluated
/// with LaunchDarkly for the rider and for the installation, so a rollout can go by app version.
/// </summary>
public sealed class RiderAppFlags(ILdClient ld, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<RiderAppFlags> logger)
{
    private static readonly ActivitySource Source = new("Transit.RiderApp.Flags");
    private static readonly Meter Meter = new("Transit.RiderApp.Flags");
    private static readonly TransitflagEvaluationsCounter Evaluations = Meter.CreateTransitflagEvaluationsCounter();
    private static readonly TransitflagEvaluationDurationHistogram Duration = Meter.CreateTransitflagEvaluationDurationHistogram();

    public IReadOnlyDictionary<string, bool> FlagsFor(RiderAppSession session)
    {
        var rider = Context.Builder(session.RiderAccountId.ToString()).Kind("rider").Set("homeZone", session.HomeZone).Build();
        var installation = Context.Builder(session.InstallationId).Kind("installation").Set("appVersion", session.AppVersion).Set("platform", session.Platform).Build();

        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartTransitflagEvaluate("rider-app-startup");
        var planner = ld.BoolVariationDetail("journey-planner-v2", installation, false);
        var crowding = ld.BoolVariationDetail("live-crowding", rider, false);
        var tapToPay = session.TravelCard is not null && ld.BoolVariation("tap-to-pay", rider);
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "rider-app-startup"); // clean generated-api

        span.SetTransitflagSegment(session.HomeZone).SetTransitflagNote($"app {session.AppVersion} on {session.Platform}"); // clean generated-api
        span.SetTransitflagSubjectId(pseudonymizer.PseudonymizeTransitflagSubjectId(session.RiderAccountId.ToString())); // clean precision-pseudonym
        span.SetTransitflagBucket(KeyedBucket.Of(secrets.ShardKey, session.InstallationId, 100)); // clean hashes
        Evaluations.Add(1, "journey-planner-v2", planner.Value ? "on" : "off", planner.Reason.Kind.ToString()); // clean generated-api
        Evaluations.Add(1, "live-crowding", crowding.Value ? "on" : "off", crowding.Reason.Kind.ToString()); // clean generated-api
        Activity.Current?.SetTag("rider.installation", installation.Key); // leak TC1001 direct
        Activity.Current?.SetTag("rider.installation_hash", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(session.InstallationId)))); // leak TC1002 hashes
        Activity.Current?.SetTag("rider.app_version", session.AppVersion); // clean precision-names
        Activity.Current?.SetTag("rider.has_travel_card", session.TravelCard is not null); // clean precision-about
        Activity.Current?.SetTag("rider.travel_card_last4", session.TravelCard?[^4..]); // clean precision-about

        logger.LogDebug("Flags for rider context {Rider} and installation {Installation}", rider, installation); // leak TC1001 logging-objects
        if (tapToPay)
        {
            logger.LogInformation("tap-to-pay on for card {Card}", session.TravelCard); // leak TC1001 direct
        }
        return new Dictionary<string, bool> { ["journey-planner-v2"] = planner.Value, ["live-crowding"] = crowding.Value, ["tap-to-pay"] = tapToPay };
    }
}
