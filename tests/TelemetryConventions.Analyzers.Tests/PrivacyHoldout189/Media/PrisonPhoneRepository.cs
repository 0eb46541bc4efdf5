namespace PrivacyHoldout189.Media;

public sealed record CallRecording(string RecordingId, string PrisonNumber, string DialledNumber, string ContactName, int DurationSeconds, string TranscriptExcerpt);

public sealed record RadioRequest(string RequestId, string Station, string Track, string Dedication, string FromWing);

public sealed partial class PrisonPhoneRepository(
    IPhoneSystemGateway phones,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    EstablishmentOptions options,
    Meter meter,
    ILogger<PrisonPhoneRepository> logger)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout189.Media.Phones");
    private readonly Counter<long> _pins = meter.CreateCounter<long>("wingradio.pins.issued");
    private readonly Counter<long> _calls = meter.CreateCounter<long>("wingradio.calls");
    private PhonePin? _lastPin;

    public async Task<PhonePin> IssuePinAsync(string prisonNumber, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("wingradio.pin.issue");
        var pin = await phones.IssuePinAsync(prisonNumber, cancellationToken);
        _lastPin = pin;
        activity?.SetTag("wingradio.pin.issued_at", pin.IssuedAt); // clean precision-about
        activity?.SetTag("wingradio.pin.length", pin.Pin.Length); // clean precision-about
        activity?.SetTag("wingradio.pin.credit", pin.Credit); // clean precision-about
        activity?.SetTag("wingradio.pin", pin.Pin); // leak TC1001 direct
        activity?.SetTag("wingradio.prisoner.id", pseudonymizer.ComputeWingradioPrisonerId(prisonNumber)); // clean precision-pseudonym
        logger.LogInformation("PIN issued {@Pin}", pin); // leak TC1001 logging-objects
        logger.LogInformation("PIN issued {Pin}", pin with { PrisonNumber = "", Pin = "****" }); // clean logging-objects
        logger.LogInformation("PIN issued {Pin}", pin with { Pin = "****" }); // leak TC1001 logging-objects
        _pins.Add(1, new KeyValuePair<string, object?>("establishment", options.EstablishmentCode)); // clean precision-names
        return pin;
    }

    public void AuditLastPin()
    {
        logger.LogInformation("Last PIN issued at {IssuedAt}", _lastPin?.IssuedAt); // clean cross-member
        logger.LogInformation("Last PIN {Pin} for {PrisonNumber}", _lastPin?.Pin, _lastPin?.PrisonNumber); // leak TC1001 cross-member
    }

    public async Task<bool> AddContactAsync(ApprovedContact contact, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("wingradio.contact.add");
        activity?.SetTag("wingradio.contact.id", contact.ContactId); // clean precision-names
        activity?.SetTag("wingradio.contact.relationship", contact.Relationship); // clean precision-about
        activity?.SetTag("wingradio.contact.legal", contact.LegallyPrivileged); // clean precision-about
        activity?.SetTag("wingradio.contact.number", contact.PhoneNumber); // leak TC1001 direct
        activity?.SetTag("wingradio.contact.name", contact.ContactName); // leak TC1001 direct
        activity?.SetTag("wingradio.contact.number_prefix", contact.PhoneNumber[..3]); // clean precision-about
        activity?.SetTag(WingradioAttributes.Contact, contact.PhoneNumber); // leak TC1001 generated-api

        try
        {
            var approved = await phones.ApproveAsync(contact, cancellationToken);
            if (!approved)
            {
                throw new ContactNotApprovedException(contact.PhoneNumber);
            }

            logger.LogInformation("Contact {Contact} approved", contact); // leak TC1001 logging-objects
            LogContactApproved(logger, contact.ContactId, contact.ContactName, contact.PhoneNumber); // clean precision-names
            return true;
        }
        catch (ContactNotApprovedException ex)
        {
            logger.LogWarning("Contact refused: {Reason}", ex.Message); // leak TC1001 exceptions
            activity?.SetTag("error.type", nameof(ContactNotApprovedException)); // clean exceptions
            logger.LogWingradioOperationFailedEvent(options.EstablishmentCode, "refused", pseudonymizer.PseudonymizeWingradioPrisonerId(contact.PrisonNumber), "contact not approved"); // clean generated-api
            logger.LogWingradioOperationFailedEvent(options.EstablishmentCode, "refused", pseudonymizer.PseudonymizeWingradioPrisonerId(contact.PrisonNumber), ex.Message); // leak TC1001 exceptions
            return false;
        }
    }

    public void CallEnded(CallSummary summary, CallRecording recording)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartWingradioOperation(summary.Establishment)
            .SetWingradioKind("call") // clean generated-api
            .SetWingradioItems(summary.DurationSeconds / 60) // clean generated-api
            .SetWingradioPrisonerId(pseudonymizer.PseudonymizeWingradioPrisonerId(recording.PrisonNumber)); // clean generated-api
        span.SetWingradioNote($"recorded={summary.Recorded} privileged={summary.LegallyPrivileged}"); // clean generated-api
        span.SetWingradioNote(recording.TranscriptExcerpt); // leak TC1001 generated-api
        span.SetWingradioOutcome(summary.Recorded ? "recorded" : "not-recorded"); // clean generated-api

        logger.LogInformation("Call {@Summary}", summary); // clean logging-objects
        logger.LogInformation("Recording {@Recording}", recording); // leak TC1001 logging-objects
        logger.LogInformation("Recording {RecordingId} of {Seconds}s, {Words} words", recording.RecordingId, recording.DurationSeconds, recording.TranscriptExcerpt.Split(' ').Length); // clean precision-about
        var line = new StringBuilder();
        line.Append("Call to ").Append(recording.DialledNumber).Append(" lasted ").Append(summary.DurationSeconds);
        logger.LogInformation(line.ToString()); // leak TC1001 strings
        logger.LogInformation(string.Format("Call {0} lasted {1}s", summary.CallId, summary.DurationSeconds)); // clean strings
        _calls.Add(1, new KeyValuePair<string, object?>("recorded", summary.Recorded)); // clean precision-about
        _calls.Add(1, new KeyValuePair<string, object?>("dialled", recording.DialledNumber)); // leak TC1003 direct
        meter.CreateWingradioOperationsCounter().Add(1, summary.Establishment, "recorded"); // clean generated-api
        meter.CreateWingradioOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, summary.Establishment); // clean generated-api

        var digest = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(recording.DialledNumber)));
        Activity.Current?.SetTag("wingradio.dialled.md5", digest); // leak TC1002 hashes
        var partition = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(recording.DialledNumber))[0] % 32;
        Activity.Current?.SetTag("wingradio.dialled.partition", partition); // clean hashes
    }

    public void RadioRequested(RadioRequest request)
    {
        using var activity = Source.StartActivity("wingradio.request");
        activity?.SetTag("wingradio.station", request.Station); // clean precision-names
        activity?.SetTag("wingradio.track", request.Track); // clean precision-about
        activity?.SetTag("wingradio.wing", request.FromWing); // clean precision-about
        activity?.SetTag("wingradio.dedication", request.Dedication); // leak TC1001 direct
        activity?.SetTag("wingradio.dedication.length", request.Dedication.Length); // clean precision-about
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId} approved: {ContactName} {PhoneNumber}")]
    private static partial void LogContactApproved(ILogger logger, string contactId, [PrivateData] string contactName, [PrivateData] string phoneNumber);
}
