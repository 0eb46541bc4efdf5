namespace PrivacyHoldout116.Transport;

public sealed record CardTap(string CardNumber, string ReaderId, string StopId, string RouteId, DateTimeOffset At);

public sealed record TicketPurchase(string RiderAccountId, string Email, string CardNumber, string Product, decimal Price, string PaymentFingerprint);

/// <summary>
/// The ticketing back office's abuse checks: the hot list of travel cards reported stolen or used for
/// fare fraud (pushed to readers), purchase velocity per rider account, and the rider app's sign-in
/// lockout.
/// </summary>
public sealed class TicketFraudHotlist(
    ILogger<TicketFraudHotlist> logger,
    IAccessListStore lists,
    ICounterStore counters,
    IUserManager users,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Ticketing.Fraud");
    private readonly Counter<long> _hotlistHits = meter.CreateCounter<long>("ticketing.hotlist.hits");

    public async Task<bool> CheckTapAsync(CardTap tap)
    {
        using var span = Source.StartFareguardCheck("hotlist");
        span.SetFareguardList("card-hotlist");
        var entry = await lists.MatchAsync("card-hotlist", EntryKind.Card, tap.CardNumber);
        if (entry is null)
        {
            return true;
        }
        span.SetFareguardOutcome("blocked").SetFareguardSubjectId(pseudonymizer.PseudonymizeFareguardSubjectId(tap.CardNumber)); // clean precision-pseudonym
        _hotlistHits.Add(1, new KeyValuePair<string, object?>("route", tap.RouteId), new("reason", entry.Reason)); // clean precision-names
        logger.LogWarning("Hot-listed card tapped at reader {ReaderId}, stop {StopId}", tap.ReaderId, tap.StopId); // clean precision-names
        logger.LogWarning("Hot-listed card {Card} ends {Last4}", MaskedCard(tap), tap.CardNumber[^4..]); // clean precision-about
        logger.LogWarning("Hot-list entry matched: {Entry}", entry); // leak TC1001 logging-objects
        span.Activity?.AddEvent(new ActivityEvent("hotlist.hit", tags: new ActivityTagsCollection { ["card"] = tap.CardNumber, ["entry.id"] = entry.EntryId })); // leak TC1001 direct
        return false;
    }

    private static string MaskedCard(CardTap tap) => new string('*', tap.CardNumber.Length - 4) + tap.CardNumber[^4..];

    public async Task PublishHotlistAsync()
    {
        var entries = await lists.EntriesAsync("card-hotlist");
        logger.LogInformation("Publishing {Count} hot-list entries to readers, {Expiring} expiring today", entries.Count, entries.Count(e => e.ExpiresAt < DateTimeOffset.UtcNow.AddDays(1))); // clean precision-about
        logger.LogDebug("Hot-list reasons {Reasons}", entries.GroupBy(e => e.Reason).ToDictionary(g => g.Key, g => g.Count())); // clean logging-objects
        logger.LogDebug("Hot-list cards {Cards}", entries.Select(e => e.Value).ToArray()); // leak TC1001 logging-objects
    }

    public async Task<bool> AllowPurchaseAsync(TicketPurchase purchase)
    {
        using var span = Source.StartFareguardCheck("velocity");
        var key = $"purchases:{purchase.RiderAccountId}:1h";
        var count = await counters.IncrementAsync(key, TimeSpan.FromHours(1));
        span.SetFareguardAttempts(count).SetFareguardNote($"{count} purchases of {purchase.Product} this hour"); // clean generated-api
        if (count <= 5)
        {
            return true;
        }
        var ex = new QuotaExceededException(key, count, 5);
        logger.LogWarning("Purchase velocity: {Message}", ex.Message); // leak TC1001 exceptions
        logger.LogFareguardRequestBlockedEvent("purchase-velocity", "blocked", pseudonymizer.PseudonymizeFareguardSubjectId(purchase.RiderAccountId)); // clean precision-pseudonym
        Activity.Current?.SetTag("purchase.payment_fp", purchase.PaymentFingerprint); // leak TC1001 direct
        return false;
    }

    public async Task<SignInResult> RiderSignInAsync(string email, string password)
    {
        using var span = Source.StartFareguardCheck("lockout");
        var rider = await users.FindByNameAsync(email);
        if (rider is null || !await users.CheckPasswordAsync(rider, password))
        {
            if (rider is not null)
            {
                await users.AccessFailedAsync(rider);
                span.SetFareguardAttempts(rider.AccessFailedCount);
            }
            logger.LogInformation("Rider sign-in failed for {Rider}", rider?.Email ?? email); // leak TC1001 direct
            logger.LogInformation("Rider sign-in result {Result}", SignInResult.Failed); // clean precision-names
            return SignInResult.Failed;
        }
        Activity.Current?.SetBaggage("rider.ref", pseudonymizer.ComputeFareguardSubjectId(rider.Id)); // clean precision-pseudonym
        return SignInResult.Success;
    }
}
