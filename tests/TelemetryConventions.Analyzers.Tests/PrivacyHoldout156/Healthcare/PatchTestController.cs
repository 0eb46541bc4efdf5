namespace PrivacyHoldout156.Healthcare;

/// <summary>Records skin allergy patch tests taken before colour, lash tint or tattoo ink, and their results.</summary>
[ApiController]
[Route("api/patch-tests")]
public sealed class PatchTestController(
    IClientDirectory clients,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PatchTestController> logger,
    SalonOptions options) : ControllerBase
{
    private static readonly ActivitySource Source = new("Salon.PatchTests");
    private static readonly Meter Meter = new("Salon.PatchTests");
    private static readonly Counter<long> Reactions = Meter.CreateCounter<long>("patch_tests.reactions");
    private static readonly Counter<long> Tests = Meter.CreateCounter<long>("patch_tests.applied");

    [HttpPost("")]
    public async Task<ActionResult> Apply([FromBody] PatchTest test)
    {
        using var activity = Source.StartActivity("patch_test.apply");
        activity?.SetTag("patch_test.id", test.TestId); // clean direct
        activity?.SetTag("patch_test.product", test.Product); // clean direct
        activity?.SetTag("patch_test.client_number", test.ClientNumber); // leak TC1001 direct
        activity?.SetTag("patch_test.wait_hours", options.PatchTestWait.TotalHours); // clean precision-names

        var client = await clients.FindAsync(test.ClientNumber);
        if (client is null)
        {
            var notFound = new ClientNotFoundException(test.ClientNumber);
            activity?.SetStatus(ActivityStatusCode.Error, notFound.Message); // leak TC1001 exceptions
            return NotFound();
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ClientId"] = client.ClientId }); // leak TC1001 direct
        logger.LogInformation("Patch test {TestId} applied for {Product}", test.TestId, test.Product); // clean direct
        logger.LogInformation("Patch test for {Client}", client); // leak TC1001 logging-objects
        logger.LogInformation("Client age band {AgeBand}", AgeBand(client.DateOfBirth)); // clean precision-about
        Tests.Add(1, new KeyValuePair<string, object?>("product", test.Product)); // clean direct
        Tests.Add(1, new KeyValuePair<string, object?>("client", pseudonymizer.Compute("salon_client", test.ClientNumber))); // leak TC1003 precision-pseudonym
        activity?.SetTag("patch_test.client", pseudonymizer.Pseudonymize("salon_client", test.ClientNumber).Value); // clean precision-pseudonym
        return Ok(test.TestId);
    }

    [HttpPost("{testId}/result")]
    public ActionResult Result(string testId, [FromBody] PatchTestOutcome outcome, string clientNumber)
    {
        using var activity = Source.StartActivity("patch_test.result");
        logger.LogInformation("Patch test result {@Outcome}", outcome); // clean logging-objects
        activity?.SetTag("patch_test.reacted", outcome.Reacted); // clean direct
        if (outcome.Reacted)
        {
            var reaction = new AllergyReactionException(clientNumber, outcome.Product);
            logger.LogError(reaction, "Reaction recorded for test {TestId}", testId); // leak TC1001 exceptions
            activity?.AddEvent(new ActivityEvent("patch_test.reaction", tags: new ActivityTagsCollection { ["exception.message"] = reaction.Message })); // leak TC1001 exceptions
            activity?.SetTag("error.type", reaction.GetType().FullName); // clean exceptions
            Reactions.Add(1, new KeyValuePair<string, object?>("product", outcome.Product), new KeyValuePair<string, object?>("client.bucket", BucketOf(clientNumber))); // clean hashes
            Reactions.Add(1, new KeyValuePair<string, object?>("client.hash", clientNumber.GetHashCode() & 0xff)); // leak TC1002 hashes
            Reactions.Add(1, new KeyValuePair<string, object?>("client_number", clientNumber)); // leak TC1003 direct
        }

        activity?.SetTag("patch_test.client_number_length", clientNumber.Length); // clean precision-about
        activity?.SetTag("patch_test.client_known", clientNumber.StartsWith("SC", StringComparison.Ordinal)); // clean precision-about
        return Ok();
    }

    private int BucketOf(string clientNumber) =>
        BitConverter.ToUInt16(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(clientNumber))) % 32;

    private static string AgeBand(DateOnly dateOfBirth)
    {
        var age = DateTime.Today.Year - dateOfBirth.Year;
        return age < 18 ? "under-18" : age < 40 ? "18-39" : "40-plus";
    }
}
