namespace PrivacyHoldout92.Gaming;

/// <summary>A battle pass bought by one player for a friend.</summary>
public sealed record GiftOrder(Guid GiftId, Guid SenderId, string SenderGamertag, string RecipientGamertag, string Sku, string? Message);

/// <summary>The gift as the recipient's inbox shows it. A record.</summary>
public sealed record GiftInboxItem(Guid GiftId, string Sku, string FromGamertag, DateTimeOffset SentAt);

/// <summary>Thrown when the recipient cannot receive gifts: <c>{gamertag} cannot receive gifts: {reason}.</c></summary>
public sealed class GiftRecipientIneligibleException(string gamertag, string reason)
    : Exception($"{gamertag} cannot receive gifts: {reason}.")
{
    /// <summary>From the store's list: <c>already-owns</c>, <c>not-friends-48h</c>, <c>region-locked</c>, <c>parental-controls</c>.</summary>
    public string Reason { get; } = reason;
}

/// <summary>Thrown when the store's entitlement service is down: <c>Entitlements unavailable ({status}).</c></summary>
public sealed class EntitlementsUnavailableException(int status)
    : Exception($"Entitlements unavailable ({status}).");

public interface IFriendsGraph
{
    Task<Guid?> ResolveAsync(string gamertag, CancellationToken cancellationToken);

    Task<TimeSpan> FriendsForAsync(Guid a, Guid b, CancellationToken cancellationToken);
}

public interface IEntitlements
{
    Task GrantAsync(Guid playerId, string sku, Guid giftId, CancellationToken cancellationToken);
}

/// <summary>Battle-pass gifts between friends: checks, grants and the recipient's inbox.</summary>
public sealed class BattlePassGiftService(IFriendsGraph friends, IEntitlements entitlements, Pseudonymizer pseudonymizer, ILogger<BattlePassGiftService> logger)
{
    private static readonly ActivitySource Source = new("Game.Store.Gifts");
    private static readonly Meter Meter = new("Game.Store.Gifts");
    private static readonly Counter<long> Gifts = Meter.CreateCounter<long>("redeem.gifts");
    private Guid _lastRecipient;

    public async Task<bool> SendAsync(GiftOrder order, CancellationToken cancellationToken)
    {
        using var span = Source.StartRedeemGift(order.Sku);
        span.SetRedeemGiftId(order.GiftId.ToString()); // clean precision-names
        span.SetRedeemPlayerId(pseudonymizer.PseudonymizeRedeemPlayerId(order.SenderId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("redeem.gift.has_message", order.Message is { Length: > 0 }); // clean precision-about
        logger.LogDebug("Gift message: {Message}", order.Message); // leak TC1001 direct
        try
        {
            var recipient = await friends.ResolveAsync(order.RecipientGamertag, cancellationToken) ?? throw new GiftRecipientIneligibleException(order.RecipientGamertag, "unknown");
            _lastRecipient = recipient;
            var friendsFor = await friends.FriendsForAsync(order.SenderId, recipient, cancellationToken);
            if (friendsFor < TimeSpan.FromHours(48))
            {
                throw new GiftRecipientIneligibleException(order.RecipientGamertag, "not-friends-48h");
            }
            await entitlements.GrantAsync(recipient, order.Sku, order.GiftId, cancellationToken);
            span.SetRedeemOutcome("granted");
            Gifts.Add(1, new KeyValuePair<string, object?>("redeem.sku", order.Sku), new KeyValuePair<string, object?>("redeem.friends_days", (int)friendsFor.TotalDays)); // clean precision-about
            logger.LogInformation("Gift {GiftId} of {Sku} granted", order.GiftId, order.Sku);
            logger.LogInformation("Inbox item {Item}", new GiftInboxItem(order.GiftId, order.Sku, order.SenderGamertag, DateTimeOffset.UtcNow)); // leak TC1001 logging-objects
            return true;
        }
        catch (GiftRecipientIneligibleException ex)
        {
            logger.LogRedeemRefusedEvent(redeemOutcome: ex.Reason, redeemCodeKind: "gift", redeemNote: ex.Message); // leak TC1001 exceptions
            span.SetRedeemOutcome(ex.Reason).SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            TagRecipient(span.Activity, order.RecipientGamertag); // leak TC1001 cross-member
            Gifts.Add(1, new KeyValuePair<string, object?>("redeem.refused", ex.Reason)); // clean precision-names
            return false;
        }
        catch (EntitlementsUnavailableException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogError(ex, "Gift {Order} could not be granted", order); // leak TC1001 logging-objects
            return false;
        }
    }

    public void TraceLastRecipient(Activity? activity) =>
        activity?.SetTag("redeem.gift.recipient", _lastRecipient); // leak TC1001 cross-member

    public void TagRecipient(Activity? activity, string recipientGamertag) =>
        activity?.SetTag("redeem.gift.recipient_tag", recipientGamertag); // leak TC1001 cross-member
}
