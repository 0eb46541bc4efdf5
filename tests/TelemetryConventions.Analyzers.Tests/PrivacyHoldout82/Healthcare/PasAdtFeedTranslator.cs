namespace PrivacyHoldout82.Healthcare;

/// <summary>The new patient service's admission, translated from the legacy PAS's ADT feed.</summary>
public sealed record PatientAdmission(string HospitalNumber, string NhsNumber, string FamilyName, string GivenName, DateOnly BirthDate, string WardCode, string EpisodeId);

/// <summary>
/// Consumes the HL7 v2 ADT messages the legacy PAS (iPM) writes to PAS.ADT.OUT and translates them into the
/// new patient service's model. PID-3 carries the hospital number, PID-2 the NHS number, PID-5 the name,
/// PID-13 the home phone; PV1-3 is the ward and PV1-19 the visit (episode) number.
/// </summary>
public sealed partial class PasAdtFeedTranslator(
    IMqQueueManager queueManager,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ShardKey shardKey,
    ILogger<PasAdtFeedTranslator> logger)
{
    private const string FeedQueue = "PAS.ADT.OUT";
    private const string BackoutQueue = "PAS.ADT.BACKOUT";

    private static readonly Dictionary<string, string> WardCodes = new(StringComparer.Ordinal)
    {
        ["W12"] = "ward-12-acute-medicine",
        ["CCU"] = "coronary-care",
        ["AMU"] = "acute-medical-unit",
    };

    private readonly Counter<long> _segments = meter.CreateCounter<long>("pas.adt.segments");
    private string? _lastRejectedPid;

    public async Task PollAsync(CancellationToken cancellationToken)
    {
        var message = await queueManager.GetAsync(FeedQueue, TimeSpan.FromSeconds(5), cancellationToken);
        if (message is null)
        {
            return;
        }

        var hl7 = new Hl7Message(message.Body);
        var eventType = hl7["MSH"].Component(9, 2);
        using var span = source.StartPasbridgeTranslate(eventType);
        span.SetPasbridgeLegacySystem("ipm-pas").SetPasbridgeQueueName(FeedQueue); // clean precision-about
        Activity.Current?.SetTag("hl7.control_id", hl7.ControlId); // clean precision-about
        Activity.Current?.SetTag("messaging.message.conversation_id", message.CorrelationId); // clean precision-about
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["MessageType"] = hl7.MessageType, ["MqMessageId"] = message.MessageId }); // clean precision-about

        try
        {
            var admission = Translate(hl7);
            span.SetPasbridgePatientId(pseudonymizer.PseudonymizePasbridgePatientId(admission.HospitalNumber)); // clean precision-pseudonym
            Activity.Current?.SetTag(PasbridgeAttributes.PatientContact, hl7["PID"].Field(13)); // leak TC1001 generated-api
            _segments.Add(hl7.Segments.Count, new KeyValuePair<string, object?>("hl7.message_type", hl7.MessageType)); // clean precision-about
            Activity.Current?.SetTag("pas.replay.lane", shardKey.ShardOf(admission.HospitalNumber, 8)); // clean hashes
            LogTranslated(logger, eventType, admission.EpisodeId, admission.WardCode); // clean precision-about
            logger.LogInformation("ADT {EventType} for {HospitalNumber} on {Ward}", eventType, admission.HospitalNumber, admission.WardCode); // leak TC1001 direct
            logger.LogDebug("Translated {@Admission}", admission); // leak TC1001 logging-objects
        }
        catch (UnmappedLegacyCodeException ex)
        {
            logger.LogWarning(ex, "ADT {ControlId} has an unmapped code", hl7.ControlId); // clean exceptions
            logger.LogPasbridgeTranslationRejectedEvent(eventType, "AR", pasbridgeNote: $"no mapping for {ex.Code} in {ex.Table}"); // clean generated-api
        }
        catch (Hl7ParseException ex)
        {
            _lastRejectedPid = hl7["PID"].Text;
            span.RecordException(ex); // clean exceptions
            logger.LogError(ex, "ADT {ControlId} rejected", hl7.ControlId); // leak TC1001 exceptions
            await queueManager.PutAsync(BackoutQueue, message, cancellationToken);
        }
    }

    public void ReportBackouts(MqMessage message)
    {
        var hl7 = new Hl7Message(message.Body);
        logger.LogWarning("Backed out {MessageId} after {Count} attempts; PID was {Pid}", message.MessageId, message.BackoutCount, hl7["PID"]); // leak TC1001 logging-objects
        logger.LogWarning("Last rejected PID segment: {Pid}", _lastRejectedPid); // leak TC1001 cross-member
        var dedupe = Convert.ToHexString(SHA1.HashData(Encoding.ASCII.GetBytes(hl7["PID"].Component(2, 1))))[..12];
        Activity.Current?.SetTag("pas.dedupe_key", dedupe); // leak TC1002 hashes
        Activity.Current?.AddException(new PoisonMessageException(BackoutQueue, message.MessageId, message.Body)); // leak TC1001 exceptions
    }

    private PatientAdmission Translate(Hl7Message hl7)
    {
        var pid = hl7["PID"];
        var pv1 = hl7["PV1"];
        var hospitalNumber = pid.Component(3, 1);
        if (hospitalNumber.Length == 0)
        {
            throw new Hl7ParseException("PID", $"no hospital number in PID-3 '{pid.Field(3)}' for {pid.Component(5, 1)}");
        }
        if (!WardCodes.TryGetValue(pv1.Component(3, 1), out var ward))
        {
            throw new UnmappedLegacyCodeException("PAS_WARD", pv1.Component(3, 1));
        }
        return new PatientAdmission(hospitalNumber, pid.Component(2, 1), pid.Component(5, 1), pid.Component(5, 2),
            DateOnly.ParseExact(pid.Field(7)[..8], "yyyyMMdd", CultureInfo.InvariantCulture), ward, pv1.Field(19));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ADT {EventType} translated for episode {EpisodeId} on {Ward}")]
    private static partial void LogTranslated(ILogger logger, string eventType, string episodeId, string ward);
}
