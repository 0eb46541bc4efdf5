namespace PrivacyHoldout171.Media;

/// <summary>Who had a hire car when a penalty charge was issued: the agreement and the crew member on it.</summary>
public sealed record CrewAssignment(string AgreementNumber, string CrewMemberId, string CrewEmail, string Production);

public interface IPenaltyChargeInbox
{
    Task<IReadOnlyList<PenaltyCharge>> UnprocessedAsync(CancellationToken cancellationToken);

    Task<CrewAssignment?> WhoHadAsync(string fleetPlate, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>Weekly worker: matches penalty charges on hire cars to the crew member who had the car and recharges them.</summary>
public sealed class PenaltyChargeRechargeWorker(IPenaltyChargeInbox inbox, IRenterMessenger messenger, ILogger<PenaltyChargeRechargeWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Broadcast.PenaltyCharges");
    private static readonly Meter Meter = new("Broadcast.PenaltyCharges");
    private static readonly Counter<long> Recharged = Meter.CreateCounter<long>("broadcast.pcn.recharged");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var charges = await inbox.UnprocessedAsync(stoppingToken);
        foreach (var pcn in charges)
        {
            using var activity = Source.StartActivity("pcn.recharge");
            activity?.SetTag("pcn.number", pcn.PcnNumber); // clean precision-names
            activity?.SetTag("pcn.fleet_plate", pcn.FleetPlate); // clean precision-names
            activity?.SetTag("pcn.council", pcn.Council); // clean precision-names
            logger.LogInformation("Penalty charge {Charge}", pcn); // clean logging-objects

            var who = await inbox.WhoHadAsync(pcn.FleetPlate, pcn.IssuedAt, stoppingToken);
            if (who is null)
            {
                logger.LogWarning("No agreement covers {Plate} at {IssuedAt}", pcn.FleetPlate, pcn.IssuedAt); // clean precision-names
                continue;
            }

            await messenger.SendAsync(who.CrewEmail, "Penalty charge", $"A charge of {pcn.Amount:C} was issued on {pcn.IssuedAt:d}.", stoppingToken);
            activity?.SetTag("pcn.agreement", who.AgreementNumber); // clean precision-names
            activity?.SetTag("pcn.recharged_to", who.CrewEmail); // leak TC1001 direct
            activity?.AddEvent(new ActivityEvent($"recharged to {who.CrewMemberId}")); // leak TC1001 strings
            logger.LogInformation("Recharged {Pcn} to {Assignment}", pcn.PcnNumber, who); // leak TC1001 logging-objects
            Recharged.Add(1, new KeyValuePair<string, object?>("production", who.Production)); // clean precision-names
            Recharged.Add(1, new KeyValuePair<string, object?>("crew", who.CrewMemberId)); // leak TC1003 direct
        }
    }
}

/// <summary>Crew members who dispute a recharged penalty charge write a statement.</summary>
public sealed class PenaltyDisputeHandler(ILogger<PenaltyDisputeHandler> logger)
{
    private static readonly ActivitySource Source = new("Broadcast.PenaltyCharges.Disputes");

    public void Dispute(CrewAssignment assignment, string statement)
    {
        using var activity = Source.StartActivity("pcn.dispute");
        activity?.SetTag("pcn.agreement", assignment.AgreementNumber); // clean precision-names
        activity?.SetTag("pcn.statement.length", statement.Length); // clean precision-about
        activity?.SetTag("pcn.statement", statement); // leak TC1001 direct
        var ex = new DamageDisputedException(assignment.AgreementNumber);
        activity?.AddException(ex); // clean exceptions
        logger.LogInformation("Dispute from {Crew}", assignment with { CrewEmail = "(withheld)" }); // leak TC1001 logging-objects
        using (logger.BeginScope("Crew member {CrewMemberId}", assignment.CrewMemberId)) // leak TC1001 direct
        {
            logger.LogInformation("Dispute logged for {Production}", assignment.Production); // clean precision-names
        }
    }
}
