namespace PrivacyHoldout148.Retail;

/// <summary>Renews season tickets and memberships at the end of the season.</summary>
public sealed partial class SeasonTicketRenewalWorker(
    ITicketingSystem ticketing,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    LeagueOptions options,
    Meter meter,
    ILogger<SeasonTicketRenewalWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("ClubShop.SeasonTickets.Renewal");
    private readonly Counter<long> _renewals = meter.CreateCounter<long>("kitshop.season_tickets.renewed");
    private readonly List<SeasonTicket> _declined = new();
    private string? _lastLapsedMember;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var span = Source.StartKitshopOperation("renewals");
        var due = await ticketing.DueForRenewalAsync(options.Season, stoppingToken);
        span.SetKitshopItemCount(due.Count); // clean generated-api
        logger.LogInformation("{Count} season tickets due for {Season}", due.Count, options.Season); // clean precision-about

        foreach (var ticket in due)
        {
            using var scope = logger.BeginScope("Renewing ticket {TicketNumber}", ticket.TicketNumber); // leak TC1001 direct
            using var seatScope = logger.BeginScope("Block {Block} row {Row} seat {Seat}", ticket.Block, ticket.Row, ticket.Seat); // clean precision-about
            var charged = await ticketing.ChargeAsync(ticket.HolderMembershipNumber, 450m, stoppingToken);
            if (!charged)
            {
                _declined.Add(ticket);
                _lastLapsedMember = ticket.HolderMembershipNumber;
                var ex = new MembershipLapsedException(ticket.HolderMembershipNumber);
                Activity.Current?.AddEvent(new ActivityEvent("renewal.failed", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // leak TC1001 exceptions
                Activity.Current?.AddEvent(new ActivityEvent("renewal.failed.type", tags: new ActivityTagsCollection { ["exception.type"] = ex.GetType().FullName })); // clean exceptions
                continue;
            }

            _renewals.Add(1, new KeyValuePair<string, object?>("tier", ticket.Tier), new KeyValuePair<string, object?>("block", ticket.Block)); // clean precision-names
            var memberHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ticket.HolderMembershipNumber)))[..16];
            Activity.Current?.SetTag("renewal.member_hash", memberHash); // leak TC1002 hashes
            var memberShard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(ticket.HolderMembershipNumber))[0] % 32;
            Activity.Current?.SetTag("renewal.shard", memberShard); // clean hashes
            LogRenewed(logger, ticket.HolderName, ticket.Tier); // clean logging-objects
            LogRenewedForBoxOffice(logger, ticket.HolderName, ticket.Tier); // leak TC1001 logging-objects
            logger.LogInformation("Renewed {Ticket}", ticket); // leak TC1001 logging-objects
            meter.CreateKitshopOrdersCounter().Add(1, kitshopChannel: "renewals", kitshopOutcome: ticket.Tier); // clean generated-api
            meter.CreateKitshopOrdersCounter().Add(1, kitshopChannel: "renewals", kitshopOutcome: $"renewed:{ticket.HolderMembershipNumber}"); // leak TC1003 generated-api
        }
    }

    public void ReportDeclined()
    {
        logger.LogWarning("{Count} renewals declined", _declined.Count); // clean cross-member
        logger.LogWarning("Declined renewals: {Holders}", string.Join(";", _declined.Select(t => t.HolderName))); // leak TC1001 cross-member
        logger.LogWarning("Declined seats: {Seats}", string.Join(";", _declined.Select(t => $"{t.Block}/{t.Row}/{t.Seat}"))); // clean cross-member
        logger.LogWarning("Last lapsed member {MembershipNumber}", _lastLapsedMember); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Renewed {HolderName} at {Tier}")]
    private static partial void LogRenewed(ILogger logger, [PrivateData] string holderName, string tier);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "Box office: {HolderName} renewed at {Tier}")]
    private static partial void LogRenewedForBoxOffice(ILogger logger, string holderName, string tier);
}
