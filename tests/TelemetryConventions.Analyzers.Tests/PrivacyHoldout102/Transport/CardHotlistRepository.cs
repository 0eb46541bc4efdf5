namespace PrivacyHoldout102.Transport;

public sealed class CardHotlistedException(string cardNumber) : Exception($"Card {cardNumber} is hotlisted");

public sealed record HotlistEntry(string CardNumber, string Reason, DateTimeOffset ListedAt);

/// <summary>The hotlist the gate readers download; blocked cards are written here and pushed through Redis.</summary>
public sealed class CardHotlistRepository(IDbConnection connection, IDatabase redis, ILogger<CardHotlistRepository> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Transit.Fares.Hotlist");

    public async Task BlockAsync(HotlistEntry entry, string officerStaffNumber, CancellationToken ct)
    {
        using var span = Source.StartFarestoreQuery("hotlist-add").SetFarestoreEntity("Hotlist").SetFarestoreDbOperation("insert"); // clean generated-api
        await connection.ExecuteAsync("INSERT INTO Hotlist (CardNumber, Reason, ListedAt) VALUES (@CardNumber, @Reason, @ListedAt)", entry);
        await redis.PublishAsync(RedisChannel.Literal("hotlist"), entry.CardNumber);
        logger.LogInformation("Hotlisted {Entry}", entry); // leak TC1001 logging-objects
        logger.LogInformation("Hotlisted a card for {Reason} by {Officer}", entry.Reason, pseudonymizer.ComputeFarestoreStaffId(officerStaffNumber)); // clean precision-pseudonym
        span.SetFarestoreNote($"reason {entry.Reason}"); // clean precision-names
        span.SetFarestoreNote($"card {entry.CardNumber} blocked"); // leak TC1001 generated-api
    }

    public async Task CheckAsync(string cardNumber, CancellationToken ct)
    {
        try
        {
            var listed = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Hotlist WHERE CardNumber = @cardNumber", new { cardNumber });
            if (listed > 0)
            {
                throw new CardHotlistedException(cardNumber);
            }
        }
        catch (CardHotlistedException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Refused at the gate: {Error}", ex.GetType().Name); // clean exceptions
        }
    }
}
