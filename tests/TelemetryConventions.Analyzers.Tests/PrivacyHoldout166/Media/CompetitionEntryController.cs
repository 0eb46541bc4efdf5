namespace PrivacyHoldout166.Media;

public interface IEntryStore
{
    Task<bool> IsBlockedAsync(string callerNumber, CancellationToken cancellationToken = default);

    Task SaveAsync(CompetitionEntry entry, CancellationToken cancellationToken = default);
}

/// <summary>Takes viewers' paid entries to on-air competitions (a prize competition, not a lottery: it needs a right answer).</summary>
[ApiController]
[Route("api/competitions")]
public sealed class CompetitionEntryController(
    IEntryStore store,
    Pseudonymizer pseudonymizer,
    ILogger<CompetitionEntryController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("QuizLine.Entries");
    private static readonly Meter Meter = new("QuizLine.Entries");
    private readonly QuizlineEntriesCounter _entries = Meter.CreateQuizlineEntriesCounter();
    private static readonly Counter<long> EntriesByCaller = Meter.CreateCounter<long>("quizline.entries.by_caller");

    [HttpPost("{showId}")]
    public async Task<ActionResult> Enter(string showId, [FromBody] CompetitionEntry entry)
    {
        using var span = Source.StartQuizlineOperation(showId);
        var entrant = pseudonymizer.PseudonymizeQuizlineEntrantId(entry.CallerNumber);
        span.SetQuizlineEntrantId(entrant); // clean generated-api
        span.SetQuizlineCompetition("saturday-jackpot"); // clean generated-api

        try
        {
            if (await store.IsBlockedAsync(entry.CallerNumber))
            {
                throw new EntryBlockedException(entry.CallerNumber);
            }
        }
        catch (EntryBlockedException ex)
        {
            span.RecordException(ex, "blocked number"); // clean exceptions
            logger.LogQuizlineOperationFailedEvent(showId, "blocked", entrant, "entry from a blocked number"); // clean generated-api
            _entries.Add(1, showId, "blocked"); // clean generated-api
            return BadRequest("blocked");
        }

        await store.SaveAsync(entry);
        var correct = string.Equals(entry.Answer, "B", StringComparison.OrdinalIgnoreCase);
        span.SetQuizlineOutcome(correct ? "correct" : "wrong"); // clean generated-api
        _entries.Add(1, showId, correct ? "correct" : "wrong"); // clean generated-api
        EntriesByCaller.Add(1, new KeyValuePair<string, object?>("caller", entrant.Value)); // leak TC1003 precision-pseudonym
        logger.LogInformation("Entry {EntryId} for {Show}: {Correct}", entry.EntryId, showId, correct); // clean precision-names
        logger.LogInformation("Entry from {Caller} answered {Answer}", entry.CallerNumber, entry.Answer); // leak TC1001 direct
        logger.LogInformation("Entry {@Entry}", entry); // leak TC1001 logging-objects
        logger.LogInformation("Entry by {EntrantName}", entry.EntrantName); // leak TC1001 direct
        logger.LogInformation("Entry from area code {AreaCode}", entry.CallerNumber[..5]); // clean precision-about
        Activity.Current?.SetTag("quizline.caller", entry.CallerNumber); // leak TC1001 direct
        Activity.Current?.SetTag("quizline.answer", entry.Answer); // clean precision-about
        var record = new Dictionary<string, object?> { ["entry"] = entry.EntryId, ["caller"] = entry.CallerNumber };
        logger.LogInformation("Entry record {@Record}", record); // leak TC1001 logging-objects
        return Ok(entry.EntryId);
    }
}
