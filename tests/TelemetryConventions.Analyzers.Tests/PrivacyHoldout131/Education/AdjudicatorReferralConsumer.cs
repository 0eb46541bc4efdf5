using System.Text.Json;

namespace PrivacyHoldout131.Education;

/// <summary>A completion of procedures letter issued at the end of the internal complaints process.</summary>
public sealed record CompletionOfProcedures(
    string ComplaintRef,
    string StudentNumber,
    string StudentName,
    string StudentEmail,
    string Category,
    string Faculty,
    decimal? OfferedCompensation,
    string? StudentStatement);

/// <summary>
/// Consumes completion of procedures letters (the topic is keyed by the student's number) and refers the
/// complaints the student takes further to the independent adjudicator, paying the compensation the
/// university offered as a goodwill gesture in the meantime.
/// </summary>
public sealed class AdjudicatorReferralConsumer(
    IConsumer<string, string> consumer,
    IComplaintsStore complaints,
    IOmbudsmanPortal adjudicator,
    IStoreCreditLedger feeAccount,
    Pseudonymizer pseudonymizer,
    ILogger<AdjudicatorReferralConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("University.Complaints.Adjudicator");
    private static readonly Meter Meter = new("University.Complaints.Adjudicator");
    private static readonly Counter<long> Letters = Meter.CreateCounter<long>("complaints.cop_letters");
    private readonly FeerefundCaseDurationHistogram _duration = Meter.CreateFeerefundCaseDurationHistogram();

    private string? _currentStudentEmail;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 cross-member
            Activity.Current?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            Activity.Current?.SetTag("messaging.destination.partition.id", result.Partition); // clean precision-names

            CompletionOfProcedures? letter;
            try
            {
                letter = JsonSerializer.Deserialize<CompletionOfProcedures>(result.Message.Value);
            }
            catch (JsonException ex)
            {
                logger.LogWarning(ex, "Unreadable letter at offset {Offset}: {Body}", result.Offset, result.Message.Value); // leak TC1001 logging-objects
                continue;
            }

            if (letter is null)
            {
                continue;
            }

            await HandleAsync(letter, stoppingToken);
            consumer.Commit(result);
        }
    }

    private async Task HandleAsync(CompletionOfProcedures letter, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartFeerefundCase(letter.ComplaintRef);
        _currentStudentEmail = letter.StudentEmail;
        span.SetFeerefundRegion(letter.Faculty); // clean precision-names
        Letters.Add(1, new KeyValuePair<string, object?>("category", letter.Category), new KeyValuePair<string, object?>("faculty", letter.Faculty)); // clean precision-names
        Letters.Add(1, new KeyValuePair<string, object?>("student", pseudonymizer.PseudonymizeFeerefundClaimantId(letter.StudentNumber))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Completion of procedures {ComplaintRef} issued to {StudentName}", letter.ComplaintRef, letter.StudentName); // leak TC1001 direct
        logger.LogInformation("Student statement given: {HasStatement} ({Length} chars)", letter.StudentStatement is not null, letter.StudentStatement?.Length ?? 0); // clean precision-about

        if (letter.OfferedCompensation is { } offered)
        {
            var credit = await feeAccount.IssueAsync(letter.StudentNumber, offered, "goodwill", ct);
            span.SetFeerefundAmount((double)offered); // clean precision-about
            span.SetFeerefundNote($"Goodwill {credit.CreditId} of {offered:0.00} held on the fee account"); // clean generated-api
        }

        var complaint = await complaints.FindAsync(letter.ComplaintRef, ct);
        if (complaint is null)
        {
            return;
        }

        try
        {
            var referral = await adjudicator.ReferAsync(complaint, OmbudsmanScheme.IndependentAdjudicator, ct);
            span.SetFeerefundOutcome("referred"); // clean precision-names
            logger.LogInformation("Referred to the adjudicator as {CaseRef} on {ReferredAt}", referral.CaseRef, referral.ReferredAt); // clean precision-names
            logger.LogInformation("Adjudicator contact on file: {Email}", referral.ComplainantEmail); // leak TC1001 cross-member
        }
        catch (DeadlockLetterMissingException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            NoteMissingLetter();
        }
        finally
        {
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, letter.Faculty); // clean precision-about
        }
    }

    private void NoteMissingLetter()
    {
        logger.LogWarning("No completion letter on record for {Email}", _currentStudentEmail); // leak TC1001 cross-member
        logger.LogWarning("No completion letter on record; email domain {Domain}", _currentStudentEmail?.Split('@')[^1]); // clean cross-member
    }
}
