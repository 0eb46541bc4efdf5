namespace PrivacyHoldout175.Healthcare;

/// <summary>The hospital radio's ward concerts: patients ask for a song from their bed.</summary>
[ApiController]
[Route("api/ward-concerts")]
public sealed class WardConcertRequestsController(
    ILogger<WardConcertRequestsController> logger,
    Pseudonymizer pseudonymizer,
    IEventMessenger messenger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.HospitalRadio");
    private static readonly Meter Meter = new("Trust.HospitalRadio");
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("radio.requests");

    [HttpPost("requests")]
    public async Task<ActionResult> RequestSong([FromBody] WardConcertRequest request)
    {
        using var activity = Source.StartActivity("ward-concert.request");
        activity?.SetTag("ward", request.Ward); // clean precision-names
        activity?.SetTag("patient.nhs_number", request.NhsNumber); // leak TC1001 direct
        activity?.SetTag("request.song.length", request.Song.Length); // clean precision-about

        logger.LogInformation("Song request from {PatientName} on {Ward}", request.PatientName, request.Ward); // leak TC1001 direct
        logger.LogInformation("Song request for ward {Ward}: {Song}", request.Ward, request.Song); // clean precision-names

        var patient = pseudonymizer.PseudonymizeWardgigsHolderId(request.NhsNumber);
        using var span = Source.StartWardgigsOperation(request.Ward).SetWardgigsHolderId(patient).SetWardgigsEventType("concert"); // clean generated-api
        Requests.Add(1, new KeyValuePair<string, object?>("ward", request.Ward)); // clean precision-names
        Requests.Add(1, new KeyValuePair<string, object?>("patient", patient)); // leak TC1003 precision-pseudonym

        await messenger.SendAsync(request.NhsNumber, "tpl-song-played");
        return Ok();
    }

    [HttpGet("requests/{nhsNumber}")]
    public ActionResult Lookup(string nhsNumber)
    {
        logger.LogDebug("Looking up requests for " + nhsNumber); // leak TC1001 strings
        var digits = nhsNumber.Count(char.IsDigit);
        logger.LogDebug("Lookup key has {Digits} digits", digits); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("lookup", tags: new ActivityTagsCollection { ["nhs"] = $"NHS {nhsNumber}" })); // leak TC1001 strings
        return Ok();
    }

    [HttpPost("performers/{crewId}/sign-in")]
    public ActionResult PerformerSignIn(string crewId, string ward, [FromBody] StaffFestivalPass pass)
    {
        using var activity = Source.StartActivity("ward-concert.performer");
        activity?.SetTag("performer.department", pass.Department); // clean precision-names
        activity?.SetTag("performer.staff_number", pass.StaffNumber); // leak TC1001 direct
        logger.LogInformation("Performer {Name} signed in on {Ward}", pass.FullName, ward); // leak TC1001 direct
        logger.LogInformation("Performer from {Department} signed in on {Ward}", pass.Department, ward); // clean precision-names
        var crew = pseudonymizer.PseudonymizeWardgigsCrewId(crewId);
        using var span = Source.StartWardgigsOperation(ward).SetWardgigsCrewId(crew).SetWardgigsOutcome("signed-in"); // clean generated-api
        Requests.Add(1, new KeyValuePair<string, object?>("performer", crewId)); // leak TC1003 direct
        Activity.Current?.SetBaggage("performer", crew.ToString()); // clean precision-pseudonym
        return Ok();
    }
}
