namespace PrivacyHoldout102.Transport;

public sealed class Tap
{
    public long Id { get; set; }

    public required string CardNumber { get; set; }

    public required string ReaderId { get; set; }

    public required string StopCode { get; set; }

    public int Zone { get; set; }

    public DateTimeOffset TappedAt { get; set; }

    public decimal Fare { get; set; }
}

public sealed class TravelCard
{
    public required string CardNumber { get; set; }

    public Guid? RiderId { get; set; }

    public decimal DailyCapSpent { get; set; }

    public int Version { get; set; }
}

public sealed record TapsForCard(string CardNumber, DateOnly Day);

public sealed class FareDbContext : DbContext
{
    public DbSet<Tap> Taps => Set<Tap>();

    public DbSet<TravelCard> Cards => Set<TravelCard>();
}

/// <summary>Tap reads for the journey history page, and the daily cap update, with optimistic concurrency on the card.</summary>
public sealed class TapStore(FareDbContext db, ILogger<TapStore> logger, Pseudonymizer pseudonymizer, DataAccessOptions options)
{
    private static readonly ActivitySource Source = new("Transit.Fares.Store");
    private static readonly Meter Meter = new("Transit.Fares.Store");

    public async Task<IReadOnlyList<Tap>> TapsAsync(TapsForCard request, CancellationToken ct)
    {
        using var span = Source.StartFarestoreQuery("taps-by-card").SetFarestoreEntity(nameof(Tap)).SetFarestoreRiderId(pseudonymizer.PseudonymizeFarestoreRiderId(request.CardNumber)); // clean precision-pseudonym
        var start = request.Day.ToDateTime(TimeOnly.MinValue);
        var taps = await db.Taps.AsNoTracking().TagWith("taps-by-card").Where(t => t.CardNumber == request.CardNumber && t.TappedAt >= start).ToListAsync(ct);
        span.SetFarestoreRows(taps.Count); // clean precision-about
        logger.LogDebug("Taps for {Request}: {Count}", request, taps.Count); // leak TC1001 logging-objects
        logger.LogDebug("Taps on card ending {Last4}: {Count}", request.CardNumber[^4..], taps.Count); // clean precision-about
        logger.LogDebug("Stops visited {Stops}", string.Join(",", taps.Select(t => t.StopCode).Distinct())); // clean precision-names
        return taps;
    }

    public async Task ApplyCapAsync(string cardNumber, decimal fare, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= options.MaxConcurrencyRetries; attempt++)
        {
            var card = await db.Cards.SingleOrDefaultAsync(c => c.CardNumber == cardNumber, ct);
            if (card is null)
            {
                Activity.Current?.SetTag("fares.card", cardNumber); // leak TC1001 direct
                return;
            }
            card.DailyCapSpent += fare;
            try
            {
                await db.SaveChangesAsync(ct);
                Meter.CreateFarestoreQueriesCounter().Add(1, "cap-update", attempt == 1 ? "ok" : "retried"); // clean generated-api
                return;
            }
            catch (DbUpdateConcurrencyException ex)
            {
                var entry = ex.Entries[0];
                logger.LogFarestoreConcurrencyConflictEvent(nameof(TravelCard), "retried", pseudonymizer.PseudonymizeFarestoreRiderId(cardNumber), $"version {entry.OriginalValues[nameof(TravelCard.Version)]}"); // clean generated-api
                logger.LogFarestoreConcurrencyConflictEvent(nameof(TravelCard), "retried", farestoreNote: $"card {entry.OriginalValues[nameof(TravelCard.CardNumber)]}"); // leak TC1001 generated-api
                logger.LogWarning("Cap conflict on {Entity} (attempt {Attempt})", entry.Metadata.GetTableName(), attempt); // clean precision-names
                await entry.ReloadAsync(ct);
            }
        }
    }
}

/// <summary>Zone fares, read through the in-process cache by the gate readers' back end.</summary>
public sealed class FareTableCache(IMemoryCache cache, IDbConnection connection, ILogger<FareTableCache> logger, DataAccessOptions options)
{
    private static readonly Meter Meter = new("Transit.Fares.Cache");

    public async Task<decimal> FareAsync(int fromZone, int toZone, CancellationToken ct)
    {
        var key = $"fare:{fromZone}:{toZone}";
        var fare = await cache.GetOrCreateAsync(key, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = options.CacheLifetime;
            Meter.CreateFarestoreCacheLookupsCounter().Add(1, "FareTable", "miss"); // clean generated-api
            return await connection.QuerySingleOrDefaultAsync<decimal>("SELECT Fare FROM Fares WHERE FromZone = @fromZone AND ToZone = @toZone", new { fromZone, toZone });
        });
        logger.LogTrace("Fare {Key} = {Fare}", key, fare); // clean precision-names
        return fare;
    }
}
