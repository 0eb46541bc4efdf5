namespace PrivacyHoldout119.Transport;

/// <summary>A rider spends miles on a reward ticket, named for the traveller who will use it.</summary>
public sealed record RewardTicketRequest(Guid RiderAccountId, string RiderEmail, string TravellerName, string Route, DateOnly TravelDate, string FareClass);

public sealed record RewardTicket(string TicketId, string Route, DateOnly TravelDate, string FareClass, int MilesSpent);

/// <summary>Redeems miles for reward tickets and applies tier benefits (a free seat upgrade for gold).</summary>
public sealed class RewardTicketRedemption(IRewardsEngine rewards, IMemberDirectory members, Pseudonymizer pseudonymizer, ILogger<RewardTicketRedemption> logger)
{
    private const string Programme = "frequent-rider";
    private static readonly ActivitySource Source = new("Transit.FrequentRider.Rewards");
    private static readonly Meter Meter = new("Transit.FrequentRider.Rewards");
    private static readonly Counter<long> Tickets = Meter.CreateCounter<long>("milesrwd.reward.tickets");
    private RewardTicketRequest? _pending;

    public async Task<RewardTicket?> RedeemAsync(RewardTicketRequest request, CancellationToken cancellationToken)
    {
        _pending = request;
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartMilesrwdRedeem(Programme).SetMilesrwdRewardId($"ticket-{request.Route}-{request.FareClass}"); // clean generated-api
        span.Activity?.SetTag("milesrwd.travel_date", request.TravelDate.ToString("O", CultureInfo.InvariantCulture)); // clean precision-names
        span.Activity?.SetTag("milesrwd.traveller", request.TravellerName); // leak TC1001 direct
        span.Activity?.SetTag("milesrwd.traveller.is_member", request.TravellerName.Length > 0); // clean precision-about
        var member = await members.FindAsync(request.RiderAccountId.ToString(), cancellationToken);
        span.SetMilesrwdTier(member?.TierCode ?? "none"); // clean generated-api
        try
        {
            var result = await rewards.RedeemAsync(new RedemptionRequest { MemberNumber = request.RiderAccountId.ToString(), RewardId = $"ticket-{request.Route}" }, cancellationToken);
            var ticket = new RewardTicket(result.RedemptionId, request.Route, request.TravelDate, member?.TierCode == "gold" ? "first" : request.FareClass, result.PointsSpent);
            logger.LogInformation("Reward ticket {Ticket}", ticket); // clean logging-objects
            Tickets.Add(1, new TagList { { "route", request.Route }, { "class", ticket.FareClass }, { "tier", member?.TierCode } }); // clean precision-names
            span.SetMilesrwdPoints(result.PointsSpent).SetMilesrwdOutcome("issued");
            return ticket;
        }
        catch (InsufficientPointsException ex)
        {
            span.SetMilesrwdOutcome("insufficient").RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogInformation("Short by {Shortfall} miles", ex.Requested - ex.Available); // clean precision-about
            NotifyShortfall();
            return null;
        }
        catch (RewardOutOfStockException ex)
        {
            logger.LogWarning(ex, "No reward seats left on {Route}", request.Route); // clean exceptions
            span.Activity?.SetStatus(ActivityStatusCode.Error, $"sold out for {request.RiderEmail}"); // leak TC1001 strings
            return null;
        }
        finally
        {
            Meter.CreateMilesrwdRedeemDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, Programme, member?.TierCode); // clean generated-api
        }
    }

    private void NotifyShortfall()
    {
        logger.LogInformation("Shortfall email queued for {Email}", _pending?.RiderEmail); // leak TC1001 cross-member
        logger.LogInformation("Shortfall on route {Route}", _pending?.Route); // clean cross-member
    }
}
