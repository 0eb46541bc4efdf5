namespace PrivacyHoldout174.Media;

/// <summary>The broadcaster's documentary about home carers records the consent of the clients filmed at home.</summary>
[ApiController]
[Route("api/documentary/consents")]
public sealed class FilmingConsentController(ILogger<FilmingConsentController> logger, Pseudonymizer pseudonymizer) : ControllerBase
{
    private static readonly ActivitySource Source = new("Broadcaster.Documentary");
    private static readonly Meter Meter = new("Broadcaster.Documentary");
    private static readonly Counter<long> Consents = Meter.CreateCounter<long>("documentary.consents");

    [HttpPost("")]
    public ActionResult Record([FromBody] FilmingConsent consent)
    {
        using var span = Source.StartCarestoriesOperation("factual");
        span.SetCarestoriesOutcome(consent.ShowFace ? "face_shown" : "face_blurred"); // clean generated-api
        span.SetCarestoriesNote($"Filmed at {consent.Address}"); // leak TC1001 generated-api

        var activity = Activity.Current;
        activity?.SetTag("consent.id", consent.ConsentId); // clean precision-about
        activity?.SetTag("consent.show_face", consent.ShowFace); // clean precision-about
        activity?.SetTag("consent.carer", consent.CarerName); // leak TC1001 direct
        if (activity is not null) activity.DisplayName = $"consent {consent.ClientName}"; // leak TC1001 strings

        logger.LogInformation("Consent {ConsentId} recorded, face shown {ShowFace}", consent.ConsentId, consent.ShowFace); // clean precision-about
        logger.LogInformation("Consent recorded {Consent}", consent); // leak TC1001 logging-objects
        logger.LogInformation("Consent recorded for a client with a name of {Length} characters", consent.ClientName.Length); // clean precision-about

        Consents.Add(1, new KeyValuePair<string, object?>("show_face", consent.ShowFace)); // clean precision-about
        Consents.Add(1, new KeyValuePair<string, object?>("client", pseudonymizer.PseudonymizeCarestoriesClientId(consent.ClientName))); // leak TC1003 precision-pseudonym
        return Ok(consent.ConsentId);
    }
}
