namespace PrivacyHoldout180.Media;

public sealed record LetterOnAirRequest(string LetterId, string Episode, string Body, string FromReference, int Seconds);

/// <summary>A broadcaster's transplant appeal night: helpline pledges, contributors' consent and donor families' letters read on air.</summary>
[ApiController]
[Route("api/appeal")]
public sealed class AppealDeskController(Pseudonymizer pseudonymizer, ILetterbox letterbox, ILogger<AppealDeskController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Appealdesk.Api");
    private static readonly Meter Meter = new("Appealdesk.Api");
    private static readonly Counter<long> Pledges = Meter.CreateCounter<long>("appealdesk.pledges");
    private readonly AppealdeskOperationsCounter _operations = Meter.CreateAppealdeskOperationsCounter();

    [HttpPost("pledges")]
    public ActionResult Pledge([FromBody] AppealPledge pledge)
    {
        using var span = Source.StartAppealdeskOperation(pledge.Programme);
        span.SetAppealdeskDonorId(pseudonymizer.PseudonymizeAppealdeskDonorId(pledge.SubscriberId)); // clean precision-pseudonym
        span.SetAppealdeskNote($"pledge {pledge.PledgeId} of {pledge.Amount}"); // clean generated-api
        span.SetAppealdeskNote($"caller {pledge.CallerName}"); // leak TC1001 generated-api
        span.Activity?.SetTag(AppealdeskAttributes.Contact, pseudonymizer.ComputeAppealdeskDonorId(pledge.CallerPhone)); // leak TC1001 precision-pseudonym
        span.Activity?.SetTag("pledge.id", pledge.PledgeId); // clean precision-names
        span.Activity?.SetTag("pledge.amount", pledge.Amount); // clean precision-about
        span.Activity?.SetTag("subscriber.id", pledge.SubscriberId); // leak TC1001 direct
        span.Activity?.SetTag("caller.phone", pledge.CallerPhone); // leak TC1001 direct
        logger.LogInformation("Pledge {Pledge}", pledge); // leak TC1001 logging-objects
        logger.LogInformation("Pledge {Pledge}", pledge with { SubscriberId = "", CallerName = "", CallerPhone = "" }); // clean logging-objects
        Pledges.Add(1, new KeyValuePair<string, object?>("programme", pledge.Programme)); // clean precision-about
        Pledges.Add(1, new KeyValuePair<string, object?>("subscriber", pseudonymizer.PseudonymizeAppealdeskDonorId(pledge.SubscriberId).Value)); // leak TC1003 precision-pseudonym
        _operations.Add(1, pledge.Programme, "pledged"); // clean generated-api
        return Ok(pledge.PledgeId);
    }

    [HttpPost("contributors")]
    public ActionResult Consent([FromBody] ContributorConsent consent)
    {
        using var activity = Source.StartActivity("ContributorConsent");
        activity?.SetTag("contributor.id", consent.ContributorId); // leak TC1001 direct
        activity?.SetTag("contributor.name", consent.ContributorName); // leak TC1001 direct
        activity?.SetTag("contributor.on_camera", consent.OnCamera); // clean precision-about
        activity?.SetTag("agent.email_domain", consent.AgentEmail[(consent.AgentEmail.IndexOf('@') + 1)..]); // clean precision-about
        logger.LogInformation("Consent for {Programme} from {AgentEmail}", consent.Programme, consent.AgentEmail); // leak TC1001 direct
        logger.LogInformation("Consent for {Programme}, on camera {OnCamera}", consent.Programme, consent.OnCamera); // clean precision-about
        return Ok();
    }

    [HttpPost("letters")]
    public async Task<ActionResult> ReadOnAir([FromBody] LetterOnAirRequest request)
    {
        using var span = Source.StartAppealdeskOperation("appeal-night");
        var letter = new ThankYouLetter(request.LetterId, request.FromReference, "on-air", request.Body, "family-to-recipient");
        var reading = new LetterReading(request.LetterId, request.Episode, request.Seconds);
        span.SetAppealdeskNote($"letter {reading.LetterId} in {reading.Episode}"); // clean generated-api
        span.SetAppealdeskNote(letter.Body[..Math.Min(80, letter.Body.Length)]); // leak TC1001 generated-api
        span.Activity?.SetTag("letter.id", letter.LetterId); // clean precision-names
        span.Activity?.SetTag("letter.words", letter.Body.Split(' ').Length); // clean precision-about
        span.Activity?.SetTag("letter.body", letter.Body); // leak TC1001 direct
        logger.LogInformation("Reading {@Reading}", reading); // clean logging-objects
        logger.LogInformation("Letter {Letter}", letter); // leak TC1001 logging-objects
        try
        {
            var receipt = await letterbox.PassOnAsync(letter);
            logger.LogInformation("Receipt {@Receipt}", receipt); // clean logging-objects
        }
        catch (LetterWithheldException ex)
        {
            logger.LogWarning(ex, "Letter withheld"); // clean exceptions
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogAppealdeskOperationFailedEvent("appeal-night", "withheld", appealdeskNote: ex.Message); // clean exceptions
        }
        return Ok();
    }
}
