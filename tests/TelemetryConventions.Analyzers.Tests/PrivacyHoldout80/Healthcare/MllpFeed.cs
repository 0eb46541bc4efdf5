namespace PrivacyHoldout80.Healthcare;

/// <summary>
/// HL7 v2 over MLLP from the patient administration system: each message is wrapped in
/// <c>0x0B … 0x1C 0x0D</c>; segments end with '\r' and fields are '|'-separated. PID-3 is the
/// hospital number, PID-5 the patient's name, PID-13 the home phone.
/// </summary>
public sealed partial class MllpFeed(ILogger<MllpFeed> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private const byte StartBlock = 0x0B;
    private const byte EndBlock = 0x1C;
    private readonly Counter<long> _messages = meter.CreateCounter<long>("bedwire.hl7.messages", "{message}");
    private readonly List<string> _recentControlIds = new();
    private readonly Queue<string> _unmatchedPatients = new();

    public async Task PumpAsync(string feedId, PipeReader reader, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            while (TryReadMessage(ref buffer, out var message))
            {
                OnMessage(feedId, Encoding.UTF8.GetString(message));
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                break;
            }
        }
    }

    private static bool TryReadMessage(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> message)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryAdvanceTo(StartBlock) || !reader.TryReadTo(out message, EndBlock))
        {
            message = default;
            return false;
        }
        reader.Advance(1);
        buffer = buffer.Slice(reader.Position);
        return true;
    }

    private void OnMessage(string feedId, string hl7)
    {
        var segments = hl7.Split('\r', StringSplitOptions.RemoveEmptyEntries);
        var msh = segments[0].Split('|');
        var pid = segments.FirstOrDefault(s => s.StartsWith("PID|", StringComparison.Ordinal))?.Split('|');
        var messageType = msh[8];
        var controlId = msh[9];
        _recentControlIds.Add(controlId);

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["feed"] = feedId, ["hl7.control_id"] = controlId, ["hl7.type"] = messageType }); // clean precision-about
        _messages.Add(1, new KeyValuePair<string, object?>("hl7.type", messageType), new KeyValuePair<string, object?>("feed", feedId)); // clean precision-about
        logger.LogDebug("MLLP message {ControlId} of {Length} characters, {Segments} segments", controlId, hl7.Length, segments.Length); // clean precision-about

        if (pid is null)
        {
            logger.LogInformation("No PID segment in {Type} {ControlId}", messageType, controlId); // clean precision-about
            return;
        }

        var mrn = pid[3].Split('^')[0];
        var name = pid[5].Replace('^', ' ');
        Activity.Current?.SetTag("bedwire.patient.key", Convert.ToHexString(SHA1.HashData(Encoding.ASCII.GetBytes(mrn)))[..10]); // leak TC1002 hashes
        if (Activity.Current is { } current)
        {
            current.DisplayName = $"{messageType} {mrn}"; // leak TC1001 strings
        }
        try
        {
            var birth = DateOnly.ParseExact(pid[7], "yyyyMMdd");
            logger.LogInformation("Admission for {Patient} aged {Age}", pseudonymizer.ComputeBedwirePatientId(mrn), DateTime.Today.Year - birth.Year); // clean precision-pseudonym
        }
        catch (FormatException)
        {
            var error = new FieldDecodeException("PID-7", pid[7] + " for " + name);
            logger.LogWarning(error, "Unreadable birth date in {ControlId}", controlId); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, error.Field); // clean exceptions
        }

        if (messageType.StartsWith("ADT^A08", StringComparison.Ordinal))
        {
            logger.LogInformation("Demographics updated: {Segment}", string.Join('|', pid.Take(14))); // leak TC1001 strings
            LogPhoneChanged(logger, controlId, pid[13].Length > 0); // clean precision-about
        }

        if (!TryMatch(mrn))
        {
            _unmatchedPatients.Enqueue(mrn);
            logger.LogBedwireFrameRejectedEvent(feedId, "unmatched", bedwireNote: $"no local record for {name} ({controlId})"); // leak TC1001 generated-api
            logger.LogBedwireFrameRejectedEvent(feedId, "unmatched", bedwireNote: $"no local record for control id {controlId}"); // clean precision-about
            Activity.Current?.AddEvent(new ActivityEvent("hl7.unmatched", tags: new ActivityTagsCollection { ["unmatched.count"] = _unmatchedPatients.Count })); // clean precision-about
        }
    }

    public void FlushUnmatched()
    {
        logger.LogWarning("Patients with no local record: {Patients}", string.Join(", ", _unmatchedPatients)); // leak TC1001 cross-member
        logger.LogInformation("Last control ids: {ControlIds}", _recentControlIds.TakeLast(5)); // clean precision-about
        _unmatchedPatients.Clear();
    }

    private static bool TryMatch(string mrn) => mrn.Length == 8;

    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "ADT update {ControlId}: home phone present {HasPhone}")]
    private static partial void LogPhoneChanged(ILogger logger, string controlId, bool hasPhone);
}
