namespace PrivacyHoldout185.Media;

/// <summary>The broadcaster's interpreting desk: interviews through interpreters, their transcripts, signed slots and freelance interpreters' payments.</summary>
public sealed partial class InterviewTranscriptRepository(
    IFreelancerPayments payments,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<InterviewTranscriptRepository> logger)
{
    private static readonly ActivitySource Source = new("Broadcaster.InterpretingDesk");
    private static readonly Meter Meter = new("Broadcaster.InterpretingDesk");
    private static readonly Counter<long> Segments = Meter.CreateCounter<long>("interpreting_desk.segments");
    private static readonly Histogram<double> PaymentAmounts = Meter.CreateHistogram<double>("interpreting_desk.payment_amount");
    private static readonly SigndeskOperationsCounter Operations = Meter.CreateSigndeskOperationsCounter();
    private static readonly SigndeskOperationDurationHistogram Duration = Meter.CreateSigndeskOperationDurationHistogram();

    private readonly Dictionary<string, string> _contributorsByInterview = new();
    private string? _lastRejectedAccount;

    public void SaveInterview(ContributorInterview interview)
    {
        using var span = Source.StartSigndeskOperation("studio-4");
        span.SetSigndeskLanguage(interview.Language); // clean precision-names
        span.SetSigndeskMode("voiceover"); // clean precision-names
        span.SetSigndeskClientId(pseudonymizer.PseudonymizeSigndeskClientId(interview.ContributorId)); // clean precision-pseudonym
        span.SetSigndeskNote($"Interview with {interview.ContributorName} for {interview.ProgrammeId}"); // leak TC1001 generated-api
        span.SetSigndeskNote($"Interview {interview.InterviewId} for {interview.ProgrammeId}"); // clean generated-api

        var activity = span.Activity;
        activity?.SetTag("interpreting_desk.interview_id", interview.InterviewId); // clean precision-names
        activity?.SetTag("interpreting_desk.programme_id", interview.ProgrammeId); // clean precision-names
        activity?.SetTag("interpreting_desk.contributor_id", interview.ContributorId); // leak TC1001 direct
        activity?.SetTag("interpreting_desk.contributor_name_length", interview.ContributorName.Length); // clean precision-about
        activity?.SetTag(SigndeskAttributes.Contact, pseudonymizer.ComputeSigndeskClientId(interview.ContributorId)); // leak TC1001 precision-pseudonym
        _contributorsByInterview[interview.InterviewId] = interview.ContributorName;
        logger.LogInformation("Interview saved {Interview}", interview); // leak TC1001 logging-objects
        logger.LogInformation("Interview {InterviewId} in {Language}", interview.InterviewId, interview.Language); // clean precision-names
        logger.LogInformation("Interview copy {Interview}", interview with { ContributorId = "", ContributorName = "" }); // clean logging-objects
    }

    public void SaveTranscript(string interviewId, IReadOnlyList<TranscriptSegment> segments)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = Source.StartActivity("interpreting_desk.transcript");
        activity?.SetTag("interpreting_desk.segments", segments.Count); // clean precision-about
        activity?.SetTag("interpreting_desk.words", segments.Sum(s => s.Original.Split(' ').Length)); // clean precision-about
        activity?.SetTag("interpreting_desk.mean_confidence", segments.Average(s => s.Confidence)); // clean precision-about
        activity?.SetTag("interpreting_desk.contributor", _contributorsByInterview.GetValueOrDefault(interviewId)); // leak TC1001 cross-member
        activity?.SetTag("interpreting_desk.known_interviews", _contributorsByInterview.Count); // clean cross-member

        foreach (var segment in segments)
        {
            Segments.Add(1, new KeyValuePair<string, object?>("speaker", segment.Speaker)); // clean precision-names
            activity?.AddEvent(new ActivityEvent("segment", tags: new ActivityTagsCollection { ["session.id"] = segment.SessionId, ["confidence"] = segment.Confidence })); // clean precision-names
            activity?.AddEvent(new ActivityEvent("segment.text", tags: new ActivityTagsCollection { ["translation"] = segment.Translation })); // leak TC1001 direct
        }

        var first = segments[0];
        logger.LogInformation("First segment {Segment}", first); // leak TC1001 logging-objects
        logger.LogInformation("First segment {@Segment}", first with { Original = "", Translation = "" }); // clean logging-objects
        logger.LogDebug("Transcript opening: {Text}", string.Join(" ", segments.Take(3).Select(s => s.Original))); // leak TC1001 strings
        logger.LogDebug("Transcript speakers: {Speakers}", string.Join(",", segments.Select(s => s.Speaker).Distinct())); // clean strings
        var key = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(first.Original)));
        activity?.SetTag("interpreting_desk.dedupe_key", key); // leak TC1002 hashes
        var keyed = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(first.Original)))[..16];
        activity?.SetTag("interpreting_desk.dedupe_hmac", keyed); // clean hashes
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "studio-4"); // clean generated-api
    }

    public async Task PayAsync(InterpreterPayment payment)
    {
        using var span = Source.StartSigndeskOperation("desk");
        span.SetSigndeskMinutes(payment.Minutes); // clean generated-api
        span.SetSigndeskOutcome("paid"); // clean generated-api
        var activity = span.Activity;
        activity?.SetTag("interpreting_desk.payment_id", payment.PaymentId); // clean precision-names
        activity?.SetTag("interpreting_desk.sort_code", payment.SortCode); // clean precision-about
        activity?.SetTag("interpreting_desk.account_last2", payment.AccountNumber[^2..]); // clean precision-about
        activity?.SetTag("interpreting_desk.account_number", payment.AccountNumber); // leak TC1001 direct
        activity?.SetTag("interpreting_desk.payee", payment.PayeeName); // leak TC1001 direct
        activity?.SetTag("interpreting_desk.interpreter", pseudonymizer.Pseudonymize(Spaces.Interpreter, payment.InterpreterId).Value); // clean precision-pseudonym
        activity?.SetTag("interpreting_desk.account_hash", Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(payment.SortCode + payment.AccountNumber)))); // leak TC1002 hashes
        PaymentAmounts.Record((double)payment.Amount, new KeyValuePair<string, object?>("period", DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture))); // clean precision-names
        PaymentAmounts.Record((double)payment.Amount, new KeyValuePair<string, object?>("interpreter_id", payment.InterpreterId)); // leak TC1003 direct
        logger.LogInformation("Paying {Payment}", payment); // leak TC1001 logging-objects
        logger.LogInformation("Payment {PaymentId} of {Amount} for {Minutes} min", payment.PaymentId, payment.Amount, payment.Minutes); // clean precision-about
        LogPayee(logger, payment.PaymentId, payment.PayeeName); // clean logging-objects

        try
        {
            await payments.PayAsync(payment);
            Operations.Add(1, "desk", "paid"); // clean generated-api
        }
        catch (PaymentRejectedException ex)
        {
            _lastRejectedAccount = payment.AccountNumber;
            span.RecordException(ex); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            span.SetSigndeskNote(ex.Message); // leak TC1001 generated-api
            logger.LogError("Payment {PaymentId} rejected: {Type}", payment.PaymentId, ex.GetType().Name); // clean exceptions
        }
    }

    public void ReportRejections()
    {
        using var activity = Source.StartActivity("interpreting_desk.rejections");
        activity?.SetTag("interpreting_desk.last_rejected_account", _lastRejectedAccount); // leak TC1001 cross-member
        activity?.SetTag("interpreting_desk.has_rejection", _lastRejectedAccount is not null); // clean cross-member
    }

    public void ScheduleSignedSlot(SignedSlot slot)
    {
        using var activity = Source.StartActivity("interpreting_desk.signed_slot");
        activity?.SetTag("interpreting_desk.slot_id", slot.SlotId); // clean precision-names
        activity?.SetTag("interpreting_desk.channel", slot.Channel); // clean precision-names
        logger.LogInformation("Signed slot {Slot}", slot); // clean logging-objects
    }

    [LoggerMessage(EventId = 8501, Level = LogLevel.Information, Message = "Payment {PaymentId} to {PayeeName}")]
    private static partial void LogPayee(ILogger logger, string paymentId, [PrivateData] string payeeName);
}
