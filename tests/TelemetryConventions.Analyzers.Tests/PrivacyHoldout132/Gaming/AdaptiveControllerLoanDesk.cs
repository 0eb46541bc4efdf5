namespace PrivacyHoldout132.Gaming;

public sealed record LoanDeskRequest(Guid PlayerId, string Gamertag, string BadgeNumber, string ControllerKind, string Venue, string? CarerBadgeNumber);

/// <summary>The accessibility desk at the studio's live event: lends adaptive controllers the events team owns and issues free carer badges.</summary>
public sealed class AdaptiveControllerLoanDesk(
    ILoanRegister loans,
    Pseudonymizer pseudonymizer,
    ILogger<AdaptiveControllerLoanDesk> logger)
{
    private static readonly ActivitySource Source = new("Studio.Events.AccessDesk");
    private static readonly Meter Meter = new("Studio.Events.AccessDesk");
    private static readonly Counter<long> CarerBadges = Meter.CreateCounter<long>("events.carer_badges.issued");
    private readonly PlayaccessAssistDurationHistogram _duration = Meter.CreatePlayaccessAssistDurationHistogram();
    private Guid? _lastBlockedPlayer;

    public async Task<EquipmentLoan?> LendAsync(LoanDeskRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartPlayaccessAssist(request.Venue);
        using var scope = logger.BeginScope("Access desk badge {Badge}", request.BadgeNumber); // leak TC1001 logging-objects
        span.SetPlayaccessNeed(request.ControllerKind); // clean precision-about
        span.SetPlayaccessCompanions(request.CarerBadgeNumber is null ? 0 : 1); // clean precision-about
        span.SetPlayaccessPersonId(pseudonymizer.PseudonymizePlayaccessPersonId(request.PlayerId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("event.badge", request.BadgeNumber); // leak TC1001 direct

        if (request.CarerBadgeNumber is { } carerBadge)
        {
            CarerBadges.Add(1, new KeyValuePair<string, object?>("venue", request.Venue)); // clean precision-names
            logger.LogInformation("Carer badge {CarerBadge} issued with {Badge}", carerBadge, request.BadgeNumber); // leak TC1001 direct
        }

        var item = await loans.FindFreeAsync(request.ControllerKind, request.Venue, cancellationToken);
        if (item is null)
        {
            span.SetPlayaccessOutcome("none-free"); // clean precision-names
            return null;
        }

        try
        {
            var loan = await loans.LendAsync(item.AssetTag, request.PlayerId.ToString(), "", cancellationToken);
            span.SetPlayaccessBookingId(loan.LoanId); // clean precision-names
            span.Activity?.SetTag("loan.asset_tag", item.AssetTag); // clean precision-names
            logger.LogInformation("Lent {Item} until {Due}", item, loan.Due); // clean logging-objects
            span.SetPlayaccessNote($"{item.Kind} {item.AssetTag} lent to {request.Gamertag}"); // leak TC1001 generated-api
            return loan;
        }
        catch (BorrowerBlockedException ex)
        {
            _lastBlockedPlayer = request.PlayerId;
            span.RecordException(ex); // clean exceptions
            logger.LogWarning(ex, "Loan refused at {Venue}", request.Venue); // leak TC1001 exceptions
            span.Activity?.SetTag("loan.blocked_borrower", ex.BorrowerRef); // leak TC1001 exceptions
            return null;
        }
        finally
        {
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, request.Venue, playaccessNeed: request.ControllerKind); // clean generated-api
        }
    }

    public void EndOfDay(string venue)
    {
        logger.LogInformation("Desk at {Venue} closed; last blocked player {Player}", venue, _lastBlockedPlayer); // leak TC1001 cross-member
    }
}
