namespace PrivacyHoldout167.Media;

/// <summary>Producers apply to the council for parking dispensations for crew vehicles on filming days.</summary>
[ApiController]
[Route("api/dispensations")]
public sealed class FilmingDispensationController(
    IPermitStore permits,
    Pseudonymizer pseudonymizer,
    ILogger<FilmingDispensationController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Broadcast.Dispensations");
    private static readonly Meter Meter = new("Broadcast.Dispensations");
    private readonly ObfleetOperationsCounter _operations = Meter.CreateObfleetOperationsCounter();

    public sealed record CrewVehicle(string CrewId, string CrewName, string Vrm, bool OwnCar);

    public sealed record DispensationRequest(string ProductionCode, string ProducerId, string ProducerEmail, string Street, IReadOnlyList<CrewVehicle> Vehicles);

    [HttpPost]
    public async Task<ActionResult> Apply([FromBody] DispensationRequest request)
    {
        using var span = Source.StartObfleetOperation(request.ProductionCode);
        span.SetObfleetProducerId(pseudonymizer.PseudonymizeObfleetProducerId(request.ProducerId)); // clean generated-api
        span.SetObfleetItemCount(request.Vehicles.Count); // clean generated-api
        span.SetObfleetDispensationRef(request.Street); // clean precision-about
        Activity.Current?.SetTag(ObfleetAttributes.Contact, request.ProducerEmail); // leak TC1001 generated-api
        Activity.Current?.SetTag("dispensation.producer.email", request.ProducerEmail); // leak TC1001 direct
        Activity.Current?.SetTag("dispensation.street", request.Street); // clean precision-about
        Activity.Current?.SetTag("dispensation.crew", request.Vehicles.Select(v => v.CrewId).ToArray()); // leak TC1001 direct
        logger.LogInformation("Dispensation for {Production} on {Street} for {Count} vehicles", request.ProductionCode, request.Street, request.Vehicles.Count); // clean precision-about

        var plates = string.Join(", ", request.Vehicles.Select(v => v.Vrm));
        logger.LogInformation("Vehicles on the dispensation: {Plates}", plates); // leak TC1001 strings
        logger.LogInformation("Crew on the dispensation: {Crew}", request.Vehicles.Select(v => v.CrewName).ToList()); // leak TC1001 logging-objects
        logger.LogInformation("Own cars on the dispensation: {OwnCars}", request.Vehicles.Count(v => v.OwnCar)); // clean precision-about
        logger.LogDebug("Request {@Request}", request); // leak TC1001 logging-objects

        foreach (var vehicle in request.Vehicles.Where(v => v.OwnCar))
        {
            var existing = await permits.FindByPlateAsync(vehicle.Vrm);
            span.SetObfleetCrewId(pseudonymizer.PseudonymizeObfleetCrewId(vehicle.CrewId)); // clean generated-api
            span.SetObfleetVehiclePlate(pseudonymizer.PseudonymizeObfleetVehiclePlate(vehicle.Vrm)); // clean generated-api
            if (existing is not null)
            {
                logger.LogInformation("Crew car already permitted: {PermitId} in {Zone}", existing.PermitId, existing.Zone); // clean precision-about
            }
        }

        _operations.Add(1, request.ProductionCode, "submitted"); // clean generated-api
        return Ok();
    }
}
