namespace PrivacyHoldout89.Transport;

/// <summary>A badge read at a depot gate. A record: prints its members.</summary>
public sealed record GateRead(string DepotId, string GateId, string CardUid, DateTimeOffset At);

/// <summary>A rostered duty. A record: prints its members.</summary>
public sealed record Duty(string DutyId, string DriverStaffNumber, string DriverName, string DepotId, DateTimeOffset SignOn, DateTimeOffset SignOff);

public sealed record DepotEntryRequirement(TimeSpan Tolerance) : IAuthorizationRequirement;

public interface IRosterClient
{
    Task<Duty?> CurrentDutyAsync(string staffNumber, DateTimeOffset at, CancellationToken cancellationToken);
}

public interface IBadgeDirectory
{
    Task<string?> StaffNumberForCardAsync(string cardUid, CancellationToken cancellationToken);
}

/// <summary>Thrown when a card is on the hotlist (lost or withdrawn). Quotes the card.</summary>
public sealed class CardHotlistedException(string cardUid) : Exception($"Card {cardUid} is hotlisted");

/// <summary>
/// Drivers may enter a depot from an hour before signing on until an hour after signing off, at
/// the depot of their duty. The gate controller asks this service for every badge read.
/// </summary>
public sealed class DepotAccessHandler(IRosterClient roster, IBadgeDirectory badges, IMemoryCache cache, ActivitySource source, Meter meter, ILogger<DepotAccessHandler> logger, Pseudonymizer pseudonymizer)
    : AuthorizationHandler<DepotEntryRequirement, GateRead>
{
    private readonly Counter<long> _gateDecisions = meter.CreateCounter<long>("transitauthz.gate.decisions", "{read}");

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, DepotEntryRequirement requirement, GateRead read)
    {
        using var span = source.StartTransitauthzAuthorize("DepotEntry");
        span.SetTransitauthzResourceType("depot_gate").SetTransitauthzOperation("enter");
        Activity.Current?.SetTag("transit.gate", $"{read.DepotId}/{read.GateId}"); // clean precision-names
        Activity.Current!.DisplayName = $"gate {read.DepotId} {read.GateId}"; // clean strings

        string? staffNumber;
        try
        {
            staffNumber = await badges.StaffNumberForCardAsync(read.CardUid, CancellationToken.None);
        }
        catch (CardHotlistedException ex)
        {
            span.SetTransitauthzDecision("deny").SetTransitauthzReason("hotlisted");
            logger.LogWarning("Hotlisted card at {Gate}: {Error}", read.GateId, ex.Message); // leak TC1001 exceptions
            _gateDecisions.Add(1, new KeyValuePair<string, object?>("depot", read.DepotId), new KeyValuePair<string, object?>("decision", "hotlisted")); // clean precision-names
            return;
        }
        if (staffNumber is null)
        {
            span.SetTransitauthzDecision("deny").SetTransitauthzReason("unknown_card");
            logger.LogWarning("Unknown card read {@Read}", read); // leak TC1001 logging-objects
            return;
        }

        span.SetTransitauthzActorId(pseudonymizer.PseudonymizeTransitauthzActorId(staffNumber)); // clean precision-pseudonym
        var key = $"duty:{staffNumber}:{read.At:yyyyMMdd}";
        if (!cache.TryGetValue<Duty>(key, out var duty))
        {
            duty = await roster.CurrentDutyAsync(staffNumber, read.At, CancellationToken.None);
            cache.Set(key, duty, TimeSpan.FromMinutes(15));
            span.SetTransitauthzCacheResult("miss");
        }

        if (duty is null)
        {
            span.SetTransitauthzDecision("deny").SetTransitauthzReason("no_duty");
            logger.LogTransitauthzAccessDeniedEvent("DepotEntry", "no_duty", transitauthzActorId: pseudonymizer.PseudonymizeTransitauthzActorId(staffNumber), transitauthzNote: $"gate {read.GateId} at {read.At:HH:mm}"); // clean generated-api
            context.Fail(new AuthorizationFailureReason(this, "no_duty"));
            return;
        }

        var inWindow = read.At >= duty.SignOn - requirement.Tolerance && read.At <= duty.SignOff + requirement.Tolerance;
        var rightDepot = duty.DepotId == read.DepotId;
        if (inWindow && rightDepot)
        {
            span.SetTransitauthzDecision("allow");
            _gateDecisions.Add(1, new KeyValuePair<string, object?>("depot", read.DepotId), new KeyValuePair<string, object?>("decision", "allow")); // clean precision-names
            context.Succeed(requirement);
            return;
        }

        var reason = rightDepot ? "outside_duty_window" : "other_depot";
        span.SetTransitauthzDecision("deny");
        span.SetTransitauthzReason(reason); // clean precision-about
        logger.LogInformation("Driver {Driver} refused at {Depot}: {Reason}", duty.DriverName, read.DepotId, reason); // leak TC1001 direct
        logger.LogInformation("Duty {DutyId} signs on at {SignOn:t}, read at {At:t}, {Minutes} minutes out", duty.DutyId, duty.SignOn, read.At, (int)Math.Abs((read.At - duty.SignOn).TotalMinutes)); // clean precision-about
        logger.LogDebug("Refused against duty {Duty}", duty); // leak TC1001 logging-objects
        logger.LogDebug("Duty cache entry {Key}", key); // leak TC1001 strings
        _gateDecisions.Add(1, new KeyValuePair<string, object?>("driver", staffNumber), new KeyValuePair<string, object?>("decision", reason)); // leak TC1003 direct
        context.Fail(new AuthorizationFailureReason(this, reason));
    }
}
