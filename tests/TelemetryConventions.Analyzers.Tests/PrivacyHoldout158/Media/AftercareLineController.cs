namespace PrivacyHoldout158.Media;

/// <summary>The broadcaster's aftercare line: viewers affected by a programme call or text, and advisers call back and signpost them.</summary>
[ApiController]
[Route("api/aftercare")]
public sealed partial class AftercareLineController(
    ICallPlatform platform,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<AftercareLineController> logger) : ControllerBase
{
    private static readonly Counter<long> Contacts = new Meter("Helplines.Aftercare").CreateCounter<long>("aftercare.contacts.received");

    private AftercareContact? lastUnsignposted;
    private readonly List<string> callbackNumbers = new();

    [HttpPost("contacts")]
    public async Task<ActionResult> Receive([FromBody] AftercareContact contact)
    {
        using var span = source.StartAftercareOperation(contact.Programme);
        span.SetAftercareCallerId(pseudonymizer.PseudonymizeAftercareCallerId(contact.ViewerNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("aftercare.contact.id", contact.ContactId); // clean precision-names
        Activity.Current?.SetTag("aftercare.viewer.number", contact.ViewerNumber); // leak TC1001 direct
        Activity.Current?.SetTag("aftercare.message", contact.Message); // leak TC1001 direct
        Activity.Current?.SetTag("aftercare.has_message", contact.Message is not null); // clean precision-about
        Activity.Current?.SetTag("aftercare.viewer.mask", "*******" + contact.ViewerNumber[^2..]); // clean precision-about

        Contacts.Add(1, new KeyValuePair<string, object?>("programme", contact.Programme)); // clean precision-names
        Contacts.Add(1, new KeyValuePair<string, object?>("viewer", pseudonymizer.ComputeAftercareCallerId(contact.ViewerNumber))); // leak TC1003 precision-pseudonym
        Contacts.Add(1, new KeyValuePair<string, object?>("viewer_bucket", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(contact.ViewerNumber))[0] % 10)); // clean hashes
        logger.LogInformation("Aftercare contact {@Contact}", contact); // leak TC1001 logging-objects
        LogContact(logger, contact.ContactId, contact.Programme); // clean logging-objects
        LogMessage(logger, contact.ContactId, contact.Message); // leak TC1001 logging-objects

        if (contact.Message is null)
        {
            lastUnsignposted = contact;
            callbackNumbers.Add(contact.ViewerNumber);
        }

        await platform.TextAsync(contact.ViewerNumber, "Thanks for getting in touch.");
        return new OkResult(contact.ContactId);
    }

    [HttpGet("callbacks")]
    public ActionResult Callbacks()
    {
        logger.LogInformation("Numbers to call back: {Numbers}", string.Join(",", callbackNumbers)); // leak TC1001 cross-member
        logger.LogInformation("Numbers to call back: {Count}", callbackNumbers.Count); // clean cross-member
        logger.LogInformation("Last contact without message: {Contact}", lastUnsignposted); // leak TC1001 cross-member
        logger.LogInformation("Last contact without message on {Programme}", lastUnsignposted?.Programme); // clean cross-member
        return new OkResult(callbackNumbers.Count);
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Contact {ContactId} about {Programme}")]
    private static partial void LogContact(ILogger logger, string contactId, string programme);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Debug, Message = "Contact {ContactId} said {Message}")]
    private static partial void LogMessage(ILogger logger, string contactId, string? message);
}
