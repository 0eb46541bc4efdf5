namespace PrivacyHoldout110.Gaming;

public sealed record Registration(Guid PlayerId, string Gamertag, string TeamName, string Region, DateTimeOffset RegisteredAt, string? DiscordUserId);

public sealed class CheckInClosedException(string tournamentId, Guid playerId)
    : Exception($"Check-in for {tournamentId} closed before player {playerId} checked in.")
{
    public string TournamentId { get; } = tournamentId;
}

/// <summary>
/// Tournament registration: a capped bracket with a waitlist, a check-in window that opens an hour before
/// the start, no-shows removed at close and waiting players promoted into their places.
/// </summary>
public sealed class TournamentCheckInService(
    IBookingEngine engine,
    Pseudonymizer pseudonymizer,
    ILogger<TournamentCheckInService> logger)
{
    private static readonly ActivitySource Source = new("Esports.Tournaments");
    private static readonly Meter Meter = new("Esports.Tournaments");
    private static readonly Counter<long> NoShows = Meter.CreateCounter<long>("tournament.no_shows");
    private static readonly Histogram<int> WaitlistLength = Meter.CreateHistogram<int>("tournament.waitlist.length");

    public async Task<string> RegisterAsync(string tournamentId, Registration registration, int cap, CancellationToken cancellationToken)
    {
        using var span = Source.StartMatchbookBooking(tournamentId).SetMatchbookRegion(registration.Region); // clean precision-names
        var player = pseudonymizer.PseudonymizeMatchbookPlayerId(registration.PlayerId.ToString());
        span.SetMatchbookPlayerId(player); // clean precision-pseudonym
        var waiting = await engine.WaitlistAsync(tournamentId, cancellationToken);
        WaitlistLength.Record(waiting.Count, new KeyValuePair<string, object?>("tournament", tournamentId)); // clean precision-about
        if (waiting.Count > 0 || cap <= 0)
        {
            var entry = await engine.JoinWaitlistAsync(tournamentId, registration.PlayerId.ToString(), cancellationToken);
            span.SetMatchbookWaitlistPosition(entry.Position).SetMatchbookOutcome("waitlisted"); // clean generated-api
            logger.LogInformation("{Gamertag} is number {Position} on the waitlist for {Tournament}", registration.Gamertag, entry.Position, tournamentId); // leak TC1001 direct
            return entry.EntryId;
        }

        var booking = await engine.ConfirmAsync(tournamentId, registration.PlayerId.ToString(), cancellationToken);
        span.SetMatchbookOutcome("registered").SetMatchbookNote($"team {registration.TeamName}"); // clean precision-names
        logger.LogInformation("Registered {@Registration}", registration); // leak TC1001 logging-objects
        Activity.Current?.SetTag("registration.has_discord", registration.DiscordUserId is not null); // clean precision-about
        Activity.Current?.SetTag("registration.discord", $"<@{registration.DiscordUserId}>"); // leak TC1001 strings
        Meter.CreateMatchbookBookingsCounter().Add(1, tournamentId, "web", "registered"); // clean generated-api
        return booking.BookingId;
    }

    public async Task CloseCheckInAsync(string tournamentId, IReadOnlyList<Registration> registered, ISet<Guid> checkedIn, CancellationToken cancellationToken)
    {
        using var span = Source.StartMatchbookBooking(tournamentId, "check-in close");
        var noShows = registered.Where(r => !checkedIn.Contains(r.PlayerId)).ToList();
        span.SetMatchbookNote($"{noShows.Count} no-shows of {registered.Count}"); // clean generated-api
        NoShows.Add(noShows.Count, new KeyValuePair<string, object?>("tournament", tournamentId), new("region", registered.FirstOrDefault()?.Region)); // clean precision-names
        foreach (var noShow in noShows)
        {
            var ex = new CheckInClosedException(tournamentId, noShow.PlayerId);
            span.RecordException(ex, "no-show removed", includeMessage: true); // leak TC1001 exceptions
            logger.LogInformation("Removed no-show {PlayerId}", noShow.PlayerId); // leak TC1001 direct
            logger.LogMatchbookBookingFailedEvent(tournamentId, "no_show", pseudonymizer.PseudonymizeMatchbookPlayerId(noShow.PlayerId.ToString())); // clean generated-api
        }

        var waiting = await engine.WaitlistAsync(tournamentId, cancellationToken);
        var promoted = waiting.OrderBy(w => w.Position).Take(noShows.Count).ToList();
        logger.LogInformation("Promoted {Count} from the waitlist, positions {Positions}", promoted.Count, promoted.Select(p => p.Position)); // clean precision-about
        logger.LogInformation("Promoted players {Players}", promoted.Select(p => p.BookerRef).ToArray()); // leak TC1001 logging-objects
        var seed = Math.Abs(promoted.FirstOrDefault()?.BookerRef.GetHashCode() ?? 0) % 16;
        Activity.Current?.SetTag("bracket.seed_bucket", seed); // leak TC1002 hashes
        Activity.Current?.SetTag("bracket.size", registered.Count - noShows.Count + promoted.Count); // clean precision-about
    }
}
