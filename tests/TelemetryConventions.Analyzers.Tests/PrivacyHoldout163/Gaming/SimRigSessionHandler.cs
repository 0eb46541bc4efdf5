namespace PrivacyHoldout163.Gaming;

/// <summary>Simulator rigs at venues: players book a rig, drive laps, and make the venue leaderboard.</summary>
public sealed class SimRigSessionHandler(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<SimRigSessionHandler> logger)
{
    private static readonly ActivitySource Source = new("Driving.Sim.Rigs");
    private static readonly Meter RigMeter = new("Driving.Sim.Rigs");
    private static readonly Histogram<double> LapTimes = RigMeter.CreateHistogram<double>("simrig.lap.seconds");
    private SimPlayer? driver;

    public void Start(RigBooking booking, SimPlayer player)
    {
        driver = player;
        using var activity = Source.StartActivity("rig.start");
        activity?.SetTag("simrig.rig", booking.RigId); // clean precision-names
        activity?.SetTag("simrig.venue", booking.Venue); // clean precision-about
        logger.LogInformation("Rig booking {Booking}", booking); // clean logging-objects
        logger.LogInformation("Player on rig {Player}", player); // leak TC1001 logging-objects
        Activity.Current?.SetBaggage("simrig.player", player.PlayerId.ToString()); // leak TC1001 direct
        Activity.Current?.SetBaggage("simrig.player", pseudonymizer.ComputeSimrigPlayerId(player.PlayerId.ToString())); // clean precision-pseudonym
    }

    public void Lap(LapRecord lap)
    {
        LapTimes.Record(lap.Seconds, new KeyValuePair<string, object?>("track", lap.Track)); // clean precision-about
        LapTimes.Record(lap.Seconds, new KeyValuePair<string, object?>("driver", Shard(lap.Gamertag))); // clean hashes
        Activity.Current?.AddEvent(new ActivityEvent("lap", tags: new ActivityTagsCollection { ["leaderboard"] = $"{lap.Gamertag} {lap.Seconds:F3}" })); // leak TC1001 strings
        Activity.Current?.AddEvent(new ActivityEvent("lap.track", tags: new ActivityTagsCollection { ["time"] = $"{lap.Track} {lap.Seconds:F3}" })); // clean strings
        Activity.Current?.SetTag("simrig.driver", driver?.Gamertag); // leak TC1001 cross-member
        Activity.Current?.SetTag("simrig.driver.rating", driver?.Rating); // clean cross-member
        Activity.Current?.SetTag("simrig.driver.hash", driver?.PlayerId.GetHashCode()); // leak TC1002 hashes
    }

    public void Ban(string gamertag)
    {
        try
        {
            throw new GamertagBannedException(gamertag);
        }
        catch (GamertagBannedException ex)
        {
            logger.LogWarning("Ban applied: {Reason}", ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("error.type", ex.GetType().Name); // clean exceptions
        }
    }

    public void Offline(RigBooking booking)
    {
        var ex = new RigOfflineException(booking.RigId);
        Activity.Current?.AddException(ex); // clean exceptions
        logger.LogError(ex, "Rig offline at {Venue}", booking.Venue); // clean exceptions
    }

    private int Shard(string gamertag) => HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(gamertag))[0] % 4;
}
