namespace PrivacyHoldout167.Transport;

/// <summary>Blue badge holders register up to two vehicles for exemption from the toll; the contact centre reviews the registrations.</summary>
[ApiController]
[Route("api/exemptions")]
public sealed class BlueBadgeExemptionController(
    IBadgeRegister badges,
    Pseudonymizer pseudonymizer,
    ILogger<BlueBadgeExemptionController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("TollRoad.Exemptions");
    private static readonly Meter Meter = new("TollRoad.Exemptions");
    private static readonly Counter<long> Registrations = Meter.CreateCounter<long>("toll.exemptions");

    public sealed record ExemptionRequest(string AccountNumber, string BadgeNumber, string HolderName, IReadOnlyList<string> Vrms, string AgentId);

    [HttpPost]
    public async Task<ActionResult> Register([FromBody] ExemptionRequest request)
    {
        using var span = Source.StartTollroadOperation("exemptions");
        span.SetTollroadAccountId(pseudonymizer.PseudonymizeTollroadAccountId(request.AccountNumber)); // clean generated-api
        span.SetTollroadAgentId(pseudonymizer.PseudonymizeTollroadAgentId(request.AgentId)); // clean generated-api
        span.SetTollroadItemCount(request.Vrms.Count); // clean generated-api
        Activity.Current?.SetTag("exemption.agent", request.AgentId); // leak TC1001 direct
        Activity.Current?.SetTag("exemption.holder", request.HolderName); // leak TC1001 direct
        Activity.Current?.SetTag("exemption.holder.length", request.HolderName.Length); // clean precision-about
        Activity.Current?.SetTag("exemption.vehicles", request.Vrms.ToArray()); // leak TC1001 direct
        Activity.Current?.SetTag("exemption.vehicle.count", request.Vrms.Count); // clean precision-about
        Activity.Current?.SetTag("exemption.badge.number_length", request.BadgeNumber.Length); // clean precision-names
        logger.LogInformation("Exemption request {@Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Exemption request by agent {Agent} for {Count} vehicles", pseudonymizer.ComputeTollroadAgentId(request.AgentId), request.Vrms.Count); // clean precision-pseudonym

        var verdict = await badges.CheckAsync(request.BadgeNumber);
        logger.LogInformation("Badge verdict: valid {Valid}, lost {Lost}, expires {Expiry}", verdict.Valid, verdict.ReportedLost, verdict.ExpiryMonth); // clean precision-about
        if (!verdict.Valid)
        {
            logger.LogWarning("Invalid badge " + request.BadgeNumber + " on account " + request.AccountNumber); // leak TC1001 strings
            Registrations.Add(1, new KeyValuePair<string, object?>("outcome", "invalid-badge")); // clean precision-about
            return BadRequest("badge not valid");
        }

        var badge = await badges.FindAsync(request.BadgeNumber);
        logger.LogInformation("Badge issued by {Authority}", badge?.LocalAuthority); // clean precision-about
        logger.LogInformation("Badge {Badge}", badge); // leak TC1001 logging-objects
        Registrations.Add(1, new KeyValuePair<string, object?>("authority", badge?.LocalAuthority)); // clean precision-about
        Registrations.Add(1, new KeyValuePair<string, object?>("badge", request.BadgeNumber)); // leak TC1003 direct
        foreach (var vrm in request.Vrms)
        {
            var area = Plates.Area(vrm);
            logger.LogInformation("Exempted a vehicle from area {Area}", area); // clean precision-about
            logger.LogInformation("Exempted vehicle {Plate}", pseudonymizer.PseudonymizeTollroadVehiclePlate(vrm)); // clean precision-pseudonym
        }

        return Ok();
    }
}
