namespace PrivacyHoldout155.Media;

/// <summary>
/// Follows the production's ATA carnets through customs at each border and tells the crew lead when the kit is
/// held, so the shoot can move.
/// </summary>
public sealed class CarnetClearanceWorker(
    IQueueReceiver<CarnetMovement> movements,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<CarnetClearanceWorker> logger) : BackgroundService
{
    private string? _crewLeadMobile;
    private string? _lastCarnet;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await movements.ReceiveAsync(stoppingToken) is { } movement)
        {
            _crewLeadMobile = movement.CrewLeadMobile;
            _lastCarnet = movement.Carnet.CarnetNumber;
            using var activity = source.StartActivity("carnet.movement", ActivityKind.Consumer);
            activity?.SetTag("carnet.number", movement.Carnet.CarnetNumber); // clean precision-about
            activity?.SetTag("carnet.items", movement.Carnet.Items); // clean precision-about
            activity?.SetTag("carnet.border", movement.BorderPost); // clean precision-about
            activity?.SetTag("carnet.crew_lead", pseudonymizer.ComputeCrewMemberId(movement.CrewLeadId)); // clean precision-pseudonym
            activity?.SetTag("carnet.crew_lead_id_source", "rota"); // clean precision-names
            logger.LogInformation("Carnet moved: {Carnet}", movement.Carnet); // clean logging-objects
            logger.LogInformation("Carnet movement {Movement}", movement); // leak TC1001 logging-objects
            meter.CreateCrewClearancesCounter().Add(1, crewProduction: movement.Carnet.ProductionId, crewOutcome: movement.Held ? "held" : "cleared"); // clean generated-api
            if (movement.Held)
            {
                Held(movement.Carnet);
            }
        }
    }

    private void Held(Carnet carnet)
    {
        var ex = new CarnetHeldException(carnet.CarnetNumber);
        logger.LogWarning(ex, "Kit held at customs"); // clean exceptions
        Activity.Current?.AddEvent(new ActivityEvent("carnet.held", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // clean exceptions
        logger.LogInformation("Texting the crew lead on {Mobile}", _crewLeadMobile); // leak TC1001 cross-member
        logger.LogInformation("Texting the crew lead about {Carnet}", _lastCarnet); // clean cross-member
    }
}

/// <summary>A carnet's movement at a border post. Prints the carnet, the border post, whether held, the crew lead's id and mobile.</summary>
public sealed record CarnetMovement(Carnet Carnet, string BorderPost, bool Held, string CrewLeadId, string CrewLeadMobile);
