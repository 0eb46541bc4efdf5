namespace PrivacyHoldout101.Transport;

/// <summary>A travel card presented for linking: its number printed on the back, the security code and the card type.</summary>
public sealed record TravelCardLink(string CardNumber, string SecurityCode, string CardType);

/// <summary>A card already linked to another rider account.</summary>
public sealed class CardAlreadyLinkedException(string cardNumber, string otherAccountId)
    : Exception($"Card {cardNumber} is linked to account {otherAccountId}.")
{
    public string OtherAccountId { get; } = otherAccountId;
}

public interface ICardRegistry
{
    Task<string?> OwnerOfAsync(string cardNumber, CancellationToken cancellationToken);

    Task LinkAsync(string riderId, string cardNumber, CancellationToken cancellationToken);

    Task<MergeOutcome> MergeHistoriesAsync(AccountMergePlan plan, CancellationToken cancellationToken);
}

/// <summary>Links travel cards to rider accounts and merges two accounts that hold cards of one rider.</summary>
public sealed class TravelCardLinkService(
    ICardRegistry cards,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<TravelCardLinkService> logger)
{
    private readonly Counter<long> _linked = meter.CreateCounter<long>("rideacct.cards_linked");

    public async Task<bool> LinkAsync(string riderId, TravelCardLink link, CancellationToken cancellationToken)
    {
        using var span = source.StartRideacctFlow("link");
        span.SetRideacctRiderId(pseudonymizer.PseudonymizeRideacctRiderId(riderId)); // clean precision-pseudonym
        Activity.Current?.SetTag("rideacct.card.type", link.CardType); // clean precision-names
        Activity.Current?.SetTag("rideacct.card.last4", link.CardNumber[^4..]); // clean precision-about
        try
        {
            var owner = await cards.OwnerOfAsync(link.CardNumber, cancellationToken);
            if (owner is not null && owner != riderId)
            {
                throw new CardAlreadyLinkedException(link.CardNumber, owner);
            }
            await cards.LinkAsync(riderId, link.CardNumber, cancellationToken);
            _linked.Add(1, new KeyValuePair<string, object?>("rideacct.card.type", link.CardType)); // clean precision-names
            _linked.Add(1, new KeyValuePair<string, object?>("rideacct.card", link.CardNumber)); // leak TC1003 direct
            logger.LogInformation("Card linked: {Link}", link); // leak TC1001 logging-objects
            return true;
        }
        catch (CardAlreadyLinkedException ex)
        {
            logger.LogWarning(ex, "Card link refused"); // leak TC1001 exceptions
            span.SetRideacctOutcome("conflict").SetRideacctNote(ex.GetType().Name); // clean exceptions
            Activity.Current?.SetTag("rideacct.card.other_account", ex.OtherAccountId); // leak TC1001 cross-member
            return false;
        }
    }

    public async Task<MergeOutcome> MergeAsync(string keepRiderId, string retireRiderId, CancellationToken cancellationToken)
    {
        using var span = source.StartRideacctFlow("merge");
        var plan = new AccountMergePlan(Guid.NewGuid().ToString("N"), keepRiderId, retireRiderId, "card-holder");
        span.SetRideacctRequestId(plan.MergeId); // clean generated-api
        using var scope = logger.BeginScope("Merge {MergeId} keeps {Keep} retires {Retire}", plan.MergeId, keepRiderId, retireRiderId); // leak TC1001 logging-objects
        var outcome = await cards.MergeHistoriesAsync(plan, cancellationToken);
        logger.LogInformation("Merge complete: {Outcome}", outcome); // clean logging-objects
        span.SetRideacctNote($"merge {plan.MergeId} moved {outcome.OrdersMoved} journeys"); // clean generated-api
        return outcome;
    }
}
