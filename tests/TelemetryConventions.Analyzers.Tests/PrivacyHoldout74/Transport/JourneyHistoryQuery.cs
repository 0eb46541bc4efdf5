namespace PrivacyHoldout74.Transport;

public sealed record Journey(Guid TapId, string CardNumber, string Route, string FromStop, string ToStop, DateTimeOffset At, decimal Fare);

/// <summary>The cursor of the journey history: the time and tap id of the last journey on the page.</summary>
public sealed record JourneyCursor(long AtMs, Guid TapId);

/// <summary>The cursor of the v1 app: the card and an offset.</summary>
public sealed record CardCursor(string CardNumber, int Offset);

/// <summary>A rider's journey history in the app, keyset-paged, and the support tool's journey search.</summary>
public sealed class JourneyHistoryQuery(
    ISqlRunner sql,
    IReadStore<Journey> journeys,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<JourneyHistoryQuery> logger)
{
    private const string HistorySql =
        "SELECT tap_id, card_number, route, from_stop, to_stop, tapped_at, fare FROM journeys WHERE card_number = @card AND (tapped_at, tap_id) < (@at, @tap) ORDER BY tapped_at DESC, tap_id DESC LIMIT @limit";

    private readonly Counter<long> _pages = meter.CreateCounter<long>("journey_history.pages", "{page}");

    public async Task<Page<Journey>> PageAsync(Guid riderId, string cardNumber, string? cursor, CancellationToken cancellationToken)
    {
        using var span = source.StartTripsearchQuery("journeys");
        span.SetTripsearchRiderId(pseudonymizer.PseudonymizeTripsearchRiderId(riderId.ToString())); // clean precision-pseudonym
        var after = cursor is null
            ? new JourneyCursor(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), Guid.Empty)
            : Cursor.Decode<JourneyCursor>(cursor);
        logger.LogDebug("History page after {After}", after); // clean logging-objects
        var statement = new SqlStatement(HistorySql, new[]
        {
            new SqlArg("@card", cardNumber),
            new SqlArg("@at", after.AtMs),
            new SqlArg("@tap", after.TapId),
            new SqlArg("@limit", 50),
        }, "journey-history");
        span.SetTripsearchNote(statement.Text); // clean generated-api
        logger.LogDebug("Binding {Args}", statement.Args.Where(a => a.Name != "@card")); // clean logging-objects
        logger.LogDebug("Binding {Args}", statement.Args); // leak TC1001 logging-objects

        QueryResult<Journey> result;
        try
        {
            result = await sql.QueryAsync<Journey>(statement, cancellationToken);
        }
        catch (SqlTimeoutException ex)
        {
            logger.LogError(ex, "Journey history timed out for card {Card}", cardNumber); // leak TC1001 direct
            span.RecordException(ex, includeMessage: true); // clean exceptions
            return new Page<Journey> { Items = Array.Empty<Journey>() };
        }
        span.SetTripsearchResultCount(result.Rows.Count);
        logger.LogInformation("Journeys {Journeys}", result.Rows); // leak TC1001 logging-objects
        logger.LogInformation("Routes on this page {Routes}", result.Rows.GroupBy(j => j.Route).Select(g => new Bucket(g.Key, g.Count()))); // clean logging-objects

        var last = result.Rows.Count == 0 ? null : result.Rows[^1];
        var next = last is null ? null : Cursor.Encode(new JourneyCursor(last.At.ToUnixTimeMilliseconds(), last.TapId));
        span.SetTripsearchCursorKind(cursor is null ? "first" : "keyset");
        Activity.Current?.SetTag("page.next", next); // clean hashes
        _pages.Add(1, new KeyValuePair<string, object?>("card.last4", cardNumber[^4..])); // clean precision-about
        _pages.Add(1, new KeyValuePair<string, object?>("rider", pseudonymizer.PseudonymizeTripsearchRiderId(riderId.ToString()).Value)); // leak TC1003 precision-pseudonym
        return new Page<Journey> { Items = result.Rows, NextCursor = next };
    }

    public Page<Journey> FromV1Cursor(string v1Cursor)
    {
        var state = Cursor.Decode<CardCursor>(v1Cursor);
        Activity.Current?.SetTag("page.v1_cursor", v1Cursor); // leak TC1001 hashes
        Activity.Current?.SetTag("page.v1_offset", state.Offset); // clean precision-about
        OpenTelemetry.Baggage.SetBaggage("card", state.CardNumber); // leak TC1001 direct
        return new Page<Journey> { Items = Array.Empty<Journey>() };
    }

    /// <summary>The support tool's search by card and day, logged as the LINQ it ran.</summary>
    public async Task<IReadOnlyList<Journey>> SupportSearchAsync(string agentId, string cardNumber, DateOnly day, CancellationToken cancellationToken)
    {
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = from.AddDays(1);
        Expression<Func<Journey, bool>> predicate = j => j.CardNumber == cardNumber && j.At >= from && j.At < to;
        logger.LogInformation("Support search by {Agent}: {Predicate}", pseudonymizer.Pseudonymize("agent", agentId), predicate); // clean logging-objects
        Activity.Current?.SetTag("support.query", Predicates.Inline(predicate).ToString()); // leak TC1001 strings
        Activity.Current?.SetTag("support.query.members", Predicates.Describe(predicate)); // clean precision-names
        Activity.Current?.SetTag("support.agent", agentId); // leak TC1001 direct
        var found = await journeys.WhereAsync(predicate, 500, cancellationToken);
        Activity.Current?.SetTag("support.found", found.Count);
        return found;
    }
}
