namespace PrivacyHoldout129.Retail;

public sealed record EntryCheckout(string RaceId, string CustomerNumber, string FirstName, string LastName, string Email, DateOnly DateOfBirth, string? ClubName, string EmergencyContactPhone, string BasketId);

/// <summary>The retailer sells entries to the local 10k and half marathon it sponsors, at the till and in the app.</summary>
[ApiController]
[Route("api/race-entries")]
public sealed partial class RaceEntryCheckoutController(IRaceEntryService entries, Pseudonymizer pseudonymizer, ILogger<RaceEntryCheckoutController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("RunClub.RaceEntries");
    private static readonly Meter Meter = new("RunClub.RaceEntries");
    private static readonly Counter<long> Entries = Meter.CreateCounter<long>("runclub.race.entries");
    private static readonly Histogram<int> EntrantAge = Meter.CreateHistogram<int>("runclub.race.entrant_age", "a");

    [LoggerMessage(Level = LogLevel.Information, Message = "Entry {EntryId} confirmed, bib {Bib}")]
    private static partial void LogConfirmed(ILogger logger, string entryId, string bib);

    [HttpPost("")]
    public async Task<ActionResult> Enter([FromBody] EntryCheckout checkout, CancellationToken cancellationToken)
    {
        using var span = Source.StartRunclubSync(runclubSource: "app-checkout");
        span.SetRunclubChallenge(checkout.RaceId).SetRunclubCustomerId(pseudonymizer.PseudonymizeRunclubCustomerId(checkout.CustomerNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("basket.id", checkout.BasketId); // clean precision-names
        span.Activity?.SetTag("entrant.club", checkout.ClubName); // clean precision-names
        span.Activity?.SetTag(RunclubAttributes.Contact, checkout.EmergencyContactPhone); // leak TC1001 generated-api

        RaceEntry entry;
        try
        {
            entry = await entries.EnterAsync(checkout.RaceId, checkout.FirstName, checkout.LastName, checkout.Email, checkout.DateOfBirth, checkout.ClubName, cancellationToken);
        }
        catch (EntryCapReachedException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            Entries.Add(1, new KeyValuePair<string, object?>("race", checkout.RaceId), new KeyValuePair<string, object?>("outcome", "full")); // clean precision-names
            return BadRequest("race full");
        }
        catch (DuplicateEntryException ex)
        {
            logger.LogWarning("Duplicate entry: {Message}", ex.Message); // leak TC1001 exceptions
            span.RecordException(ex, "duplicate entry"); // clean exceptions
            return BadRequest("already entered");
        }

        var age = DateTime.UtcNow.Year - entry.DateOfBirth.Year;
        EntrantAge.Record(age, new KeyValuePair<string, object?>("race", entry.RaceId)); // clean precision-about
        span.Activity?.SetTag("entrant.birth_date", entry.DateOfBirth.ToString("O")); // leak TC1001 cross-member
        span.Activity?.SetTag("entry.wave", entry.Wave); // clean precision-names
        LogConfirmed(logger, entry.EntryId, entry.BibNumber); // leak TC1001 logging-objects
        logger.LogDebug("Entry {Entry}", entry); // leak TC1001 logging-objects
        span.SetRunclubNote($"{entry.FirstName} {entry.LastName} in wave {entry.Wave}"); // leak TC1001 generated-api
        span.SetRunclubNote($"entry {entry.EntryId} in wave {entry.Wave}"); // clean generated-api
        Entries.Add(1, new KeyValuePair<string, object?>("race", entry.RaceId), new KeyValuePair<string, object?>("outcome", "entered")); // clean precision-names
        span.Activity?.SetTag("entrant.email.sha256", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(checkout.Email.Trim().ToLowerInvariant())))); // leak TC1002 hashes
        return Ok(new { entry.EntryId, entry.BibNumber });
    }
}
