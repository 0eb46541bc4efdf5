namespace PrivacyHoldout115.Transport;

public sealed class CardTapRejectedException(string cardNumber, string reader)
    : Exception($"Tap by card {cardNumber} at reader {reader} refused: contactless acceptance is switched off")
{
    public string Reader { get; } = reader;
}

/// <summary>
/// The revenue team's kill switch for contactless acceptance on the gates and bus readers (used when the
/// acquirer is down): readers ask it before accepting a tap, and the control room flips it.
/// </summary>
public sealed class TicketingKillSwitch(IFlagStore store, Pseudonymizer pseudonymizer, ILogger<TicketingKillSwitch> logger)
{
    private static readonly ActivitySource Source = new("Transit.Ticketing.KillSwitch");
    private static readonly Meter Meter = new("Transit.Ticketing.KillSwitch");
    private static readonly Counter<long> Refused = Meter.CreateCounter<long>("ticketing.taps.refused");

    public async Task<bool> AcceptTapAsync(string cardNumber, string readerId, string routeId, CancellationToken ct)
    {
        var kill = await store.GetKillSwitchAsync("contactless-acceptance", ct);
        if (kill is not { Engaged: true })
        {
            return true;
        }

        var ex = new CardTapRejectedException(cardNumber, readerId);
        Refused.Add(1, new KeyValuePair<string, object?>("reader", readerId), new KeyValuePair<string, object?>("route", routeId)); // clean precision-names
        Activity.Current?.AddException(ex); // leak TC1001 exceptions
        Activity.Current?.SetTag("ticketing.refused.type", ex.GetType().Name); // clean exceptions
        Activity.Current?.SetTag("ticketing.refused.reader", ex.Reader); // clean exceptions
        logger.LogWarning(ex, "Tap refused at {Reader} on {Route}", readerId, routeId); // leak TC1001 exceptions
        return false;
    }

    public async Task FlipAsync(string controllerStaffNumber, bool engage, string reason, CancellationToken ct)
    {
        var killSwitch = new KillSwitch("contactless-acceptance", engage, reason, controllerStaffNumber, engage ? DateTimeOffset.UtcNow : null);
        await store.SaveKillSwitchAsync(killSwitch, ct);
        await store.AppendChangeAsync(new FlagChange("contactless-acceptance", "production", engage ? "engage" : "release", null, null, controllerStaffNumber, DateTimeOffset.UtcNow), ct);

        using var span = Source.StartTransitflagChange("contactless-acceptance").SetTransitflagOutcome(engage ? "killed" : "restored"); // clean generated-api
        span.SetTransitflagOperatorId(pseudonymizer.PseudonymizeTransitflagOperatorId(controllerStaffNumber)); // clean precision-pseudonym
        span.SetTransitflagNote($"{(engage ? "engaged" : "released")} by {controllerStaffNumber}: {reason}"); // leak TC1001 generated-api
        logger.LogWarning("Contactless acceptance {State}: {Reason}", engage ? "off" : "on", reason); // clean strings
        logger.LogWarning("Kill switch flipped {KillSwitch}", killSwitch with { EngagedBy = pseudonymizer.ComputeTransitflagOperatorId(controllerStaffNumber) }); // clean precision-pseudonym
        Refused.Add(0, new KeyValuePair<string, object?>("controller", pseudonymizer.ComputeTransitflagOperatorId(controllerStaffNumber))); // leak TC1003 precision-pseudonym
    }
}
