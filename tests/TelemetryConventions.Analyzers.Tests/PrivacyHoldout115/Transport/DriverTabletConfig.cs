using Unleash;

namespace PrivacyHoldout115.Transport;

public sealed record CabTablet(string AssetTag, string Depot, string FleetNumber, string SoftwareVersion);

public sealed record DriverSignOn(string StaffNumber, string DriverName, string Depot, string DutyId);

/// <summary>
/// Decides which features the bus cab tablets show (the new running board, the eco-driving coach) with
/// Unleash: the tablets are the operator's own, rolled out by depot, and a few named drivers (the
/// union's reps testing the coach) get it early whatever their depot.
/// </summary>
public sealed class DriverTabletConfig(IUnleash unleash, Pseudonymizer pseudonymizer, ILogger<DriverTabletConfig> logger)
{
    private static readonly ActivitySource Source = new("Transit.CabTablet.Flags");
    private static readonly Meter Meter = new("Transit.CabTablet.Flags");
    private static readonly Counter<long> CoachServed = Meter.CreateCounter<long>("cab.eco_coach.served");

    public bool RunningBoardV2(CabTablet tablet)
    {
        var context = new UnleashContext { UserId = tablet.AssetTag, Properties = { ["depot"] = tablet.Depot, ["version"] = tablet.SoftwareVersion } };
        var enabled = unleash.IsEnabled("running-board-v2", context);
        Activity.Current?.SetTag("cab.tablet", tablet.AssetTag); // clean precision-names
        Activity.Current?.SetTag("cab.fleet_number", tablet.FleetNumber); // clean precision-names
        Activity.Current?.SetTag("cab.targeting_key", context.UserId); // clean cross-member
        logger.LogDebug("running-board-v2 {Enabled} for tablet {Tablet}", enabled, tablet); // clean logging-objects
        return enabled;
    }

    public bool EcoCoach(CabTablet tablet, DriverSignOn driver)
    {
        var context = new UnleashContext { UserId = driver.StaffNumber, Properties = { ["depot"] = driver.Depot, ["tablet"] = tablet.AssetTag } };
        using var span = Source.StartTransitflagEvaluate("eco-coach");
        var variant = unleash.GetVariant("eco-coach", context);
        var userWithId = unleash.Toggles.FirstOrDefault(t => t.Name == "eco-coach")?.Strategies.FirstOrDefault(s => s.Name == "userWithId");
        var named = userWithId?.Parameters["userIds"].Split(',').Contains(driver.StaffNumber) == true;

        span.SetTransitflagVariant(variant.Name).SetTransitflagOutcome(named ? "overridden" : "served").SetTransitflagSegment(driver.Depot); // clean generated-api
        span.SetTransitflagRuleId(named ? "userWithId" : "depot-rollout"); // clean precision-names
        Activity.Current?.SetTag("cab.duty", driver.DutyId); // clean precision-names
        Activity.Current?.SetTag("cab.driver", context.UserId); // leak TC1001 cross-member
        Activity.Current?.SetTag("cab.eco_coach.named_drivers", userWithId?.Parameters["userIds"].Split(',').Length ?? 0); // clean precision-about
        CoachServed.Add(1, new KeyValuePair<string, object?>("depot", driver.Depot), new KeyValuePair<string, object?>("variant", variant.Name)); // clean precision-names
        logger.LogInformation("eco-coach {Variant} for {DriverName} on duty {Duty}", variant.Name, driver.DriverName, driver.DutyId); // leak TC1001 direct
        logger.LogInformation("eco-coach for {Driver}", pseudonymizer.PseudonymizeTransitflagOperatorId(driver.StaffNumber)); // clean precision-pseudonym
        logger.LogDebug("eco-coach sign-on {SignOn}", driver); // leak TC1001 logging-objects
        logger.LogDebug("eco-coach variant {Variant}", variant); // clean logging-objects
        return variant.IsEnabled;
    }
}
