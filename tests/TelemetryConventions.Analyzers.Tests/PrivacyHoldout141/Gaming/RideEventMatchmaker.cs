namespace PrivacyHoldout141.Gaming;

/// <summary>
/// Matches passengers to driving players during a live ride event: the nearest free cab on the event's map
/// takes the request, and players who queue too long are counted per map area.
/// </summary>
public sealed class RideEventMatchmaker(
    IGameEventsClient events,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<RideEventMatchmaker> logger)
{
    private readonly Counter<long> _matchesByPlayer = meter.CreateCounter<long>("ridequest.matches.by_driver", "{match}");
    private readonly Histogram<double> _queueSeconds = meter.CreateHistogram<double>("ridequest.queue.time", "s");
    private readonly Dictionary<Guid, MapPoint> _freeDrivers = new();

    public void DriverFree(Guid playerId, MapPoint where) => _freeDrivers[playerId] = where;

    public async Task<InGameRide?> MatchAsync(InGameRideRequest request, TimeSpan queued, CancellationToken cancellationToken)
    {
        using var span = source.StartRidequestOperation(request.EventId, "ridequest.match");
        span.SetRidequestPlayerId(pseudonymizer.PseudonymizeRidequestPlayerId(request.PlayerId.ToString())); // clean generated-api
        span.SetRidequestMap(request.MapId); // clean generated-api
        span.SetRidequestVehicleKind(request.VehicleKind);
        span.Activity?.SetTag("ridequest.pickup", $"{request.Pickup.X:F5},{request.Pickup.Y:F5}"); // clean precision-about
        span.Activity?.SetTag("ridequest.gamertag", request.Gamertag); // leak TC1001 direct
        span.Activity?.SetTag("ridequest.lobby", string.Join("|", request.EventId, request.MapId, request.Gamertag)); // leak TC1001 strings
        span.Activity?.SetTag("ridequest.lobby.map", string.Join("|", request.EventId, request.MapId)); // clean strings
        _queueSeconds.Record(queued.TotalSeconds, new KeyValuePair<string, object?>("map", request.MapId)); // clean precision-about

        try
        {
            var rideEvent = await events.GetEventAsync(request.EventId, cancellationToken) ?? throw new EventClosedException(request.EventId);
            logger.LogDebug("Matching in {@Event}", rideEvent); // clean logging-objects

            var driver = _freeDrivers.OrderBy(d => Distance(d.Value, request.Pickup)).First();
            _freeDrivers.Remove(driver.Key);
            var ride = await events.StartRideAsync(request, driver.Key, cancellationToken);

            logger.LogInformation("Ride {RideId} matched: {Ride}", ride.RideId, ride); // leak TC1001 logging-objects
            logger.LogInformation("Driver {Driver} takes {Passenger}", driver.Key, request.PlayerId); // leak TC1001 direct
            span.Activity?.SetTag("ridequest.distance", Distance(driver.Value, request.Pickup)); // clean precision-about
            _matchesByPlayer.Add(1, new KeyValuePair<string, object?>("driver", driver.Key)); // leak TC1003 direct
            _matchesByPlayer.Add(1, new KeyValuePair<string, object?>("driver.ref", pseudonymizer.PseudonymizeRidequestPlayerId(driver.Key.ToString()))); // leak TC1003 precision-pseudonym
            meter.CreateRidequestRidesCounter().Add(1, request.EventId, "matched");
            return ride;
        }
        catch (EventClosedException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            return null;
        }
        catch (PlayerBannedException ex)
        {
            logger.LogRidequestRideFailedEvent(request.EventId, "banned", pseudonymizer.PseudonymizeRidequestPlayerId(request.PlayerId.ToString()), ex.Message); // leak TC1001 exceptions
            span.Activity?.SetTag("ridequest.ban.until", ex.Until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // clean exceptions
            return null;
        }
        catch (InvalidOperationException)
        {
            logger.LogInformation("No free driver on {Map}; {Waiting} players queued for {Seconds} s", request.MapId, _freeDrivers.Count, queued.TotalSeconds); // clean precision-about
            span.Activity?.SetTag(RidequestAttributes.Contact, "[no-contact]"); // clean generated-api
            return null;
        }
    }

    private static double Distance(MapPoint a, MapPoint b) => Math.Sqrt(Math.Pow(a.X - b.X, 2) + Math.Pow(a.Y - b.Y, 2));
}
