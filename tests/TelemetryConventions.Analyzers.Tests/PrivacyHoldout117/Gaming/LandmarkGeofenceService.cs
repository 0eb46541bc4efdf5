namespace PrivacyHoldout117.Gaming;

/// <summary>A raid at a landmark: the landmark, its fence, the players who joined.</summary>
public sealed record RaidLobby(string RaidId, string LandmarkId, IReadOnlyList<Guid> PlayerIds, DateTimeOffset StartsAt);

/// <summary>A player tried to join a raid from outside its fence: the message quotes the player and distance.</summary>
public sealed class OutOfRangeException(Guid playerId, double metres)
    : Exception($"Player {playerId} is {metres:F0} m outside the raid's fence.")
{
    public double Metres { get; } = metres;
}

/// <summary>Landmarks (public places the studio picked) fenced for raids; players enter and join.</summary>
public sealed class LandmarkGeofenceService(
    IGeofenceEngine fences,
    ILogger<LandmarkGeofenceService> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter)
{
    private readonly Counter<long> _entries = meter.CreateCounter<long>("geoplay.landmark.entries");

    public void OnPlayerPosition(Guid playerId, GeoPoint position)
    {
        foreach (var transition in fences.Evaluate(playerId.ToString(), position, DateTimeOffset.UtcNow))
        {
            var landmark = fences.Fences.First(f => f.Id == transition.FenceId);
            _entries.Add(1, new KeyValuePair<string, object?>("landmark", landmark.Id), new KeyValuePair<string, object?>("kind", transition.Kind.ToString())); // clean precision-names
            logger.LogInformation("Landmark {@Landmark} saw a {Kind}", landmark, transition.Kind); // clean logging-objects
            logger.LogInformation("Transition {@Transition}", transition); // leak TC1001 logging-objects
            Activity.Current?.SetTag("geoplay.landmark.centre", landmark.Centre.ToString()); // clean precision-names
            Activity.Current?.SetTag("geoplay.subject", transition.SubjectId); // leak TC1001 direct
        }
    }

    public void Join(RaidLobby lobby, Guid playerId, GeoPoint position)
    {
        using var span = source.StartGeoplayIngest($"raids/{lobby.RaidId}/join"); // clean strings
        span.SetGeoplayGeofenceId(lobby.LandmarkId).SetGeoplayPingCount(lobby.PlayerIds.Count); // clean generated-api
        try
        {
            var fence = fences.Fences.First(f => f.Id == lobby.LandmarkId);
            var metres = fence.Centre.DistanceKmTo(position) * 1000 - fence.RadiusMetres;
            if (metres > 0)
            {
                throw new OutOfRangeException(playerId, metres);
            }
            logger.LogInformation("Raid {Raid} lobby now {Lobby}", lobby.RaidId, lobby); // clean logging-objects
            logger.LogInformation("Raid {Raid} players {Players}", lobby.RaidId, string.Join(",", lobby.PlayerIds)); // leak TC1001 strings
            span.SetGeoplayNote($"{lobby.PlayerIds.Count} players, starts {lobby.StartsAt:HH:mm}"); // clean generated-api
        }
        catch (OutOfRangeException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            span.Activity?.SetTag("geoplay.join.out_of_range_m", ex.Metres); // clean exceptions
            logger.LogGeoplayPingRejectedEvent($"raids/{lobby.RaidId}/join", "out_of_range", pseudonymizer.PseudonymizeGeoplayPlayerId(playerId.ToString())); // clean generated-api
            logger.LogGeoplayPingRejectedEvent($"raids/{lobby.RaidId}/join", "out_of_range", geoplayNote: NoteOf(ex)); // leak TC1001 generated-api
        }
    }

    private static string NoteOf(Exception ex) => ex.Message;
}
