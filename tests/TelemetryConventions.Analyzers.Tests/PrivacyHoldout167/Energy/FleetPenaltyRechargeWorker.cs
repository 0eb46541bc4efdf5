namespace PrivacyHoldout167.Energy;

/// <summary>Nightly job: takes the penalty and congestion charges the council sent for the engineers' vans and re-charges the ones incurred on private use to the engineer.</summary>
public sealed class FleetPenaltyRechargeWorker(
    IQueueReceiver<PenaltyNotice> inbox,
    IPenaltyStore notices,
    Pseudonymizer pseudonymizer,
    ILogger<FleetPenaltyRechargeWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Energy.Fleet");
    private static readonly Meter Meter = new("Energy.Fleet");
    private static readonly Counter<long> Recharged = Meter.CreateCounter<long>("fleet.penalties.recharged");
    private readonly DepotchargeOperationsCounter _operations = Meter.CreateDepotchargeOperationsCounter();

    // The vans are the company's; their plates name no one.
    private static readonly Dictionary<string, string> VanDriver = new() { ["LV21 ABC"] = "E10442" };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await inbox.ReceiveAsync(stoppingToken) is { } notice)
        {
            using var span = Source.StartDepotchargeOperation("north-depot");
            span.SetDepotchargeChargeRef(notice.NoticeNumber); // clean generated-api
            Activity.Current?.SetTag("fleet.van.plate", notice.Vrm); // clean precision-about
            logger.LogInformation("Fleet notice {Notice} for van {Van}", notice.NoticeNumber, notice.Vrm); // clean precision-about

            if (!VanDriver.TryGetValue(notice.Vrm, out var engineer))
            {
                logger.LogWarning("No engineer on van {Van} for {Notice}", notice.Vrm, notice.NoticeNumber); // clean precision-about
                _operations.Add(1, "north-depot", "unassigned"); // clean generated-api
                continue;
            }

            var engineerPseudonym = pseudonymizer.PseudonymizeDepotchargeEngineerId(engineer);
            span.SetDepotchargeEngineerId(engineerPseudonym); // clean generated-api
            logger.LogInformation("Re-charging {Engineer} for {Notice}", engineer, notice.NoticeNumber); // leak TC1001 direct
            logger.LogInformation("Re-charging {Engineer} for {Notice}", engineerPseudonym, notice.NoticeNumber); // clean precision-pseudonym
            _operations.Add(1, engineerPseudonym.Value, "recharged"); // leak TC1003 precision-pseudonym
            Recharged.Add(1, new KeyValuePair<string, object?>("engineer", engineer)); // leak TC1003 direct
            Recharged.Add(1, new KeyValuePair<string, object?>("contravention", notice.ContraventionCode)); // clean precision-about
            var reference = $"RC-{engineer}-{notice.NoticeNumber}";
            Activity.Current?.SetTag("fleet.recharge.reference", reference); // leak TC1001 strings
            Activity.Current?.SetTag("fleet.recharge.amount", notice.Amount); // clean precision-about
            logger.LogInformation("Recharge summary {Summary}", new { Engineer = engineer, notice.NoticeNumber }); // leak TC1001 logging-objects
            await notices.SaveAsync(notice with { OfficerNumber = string.Empty }, stoppingToken);
        }
    }
}
