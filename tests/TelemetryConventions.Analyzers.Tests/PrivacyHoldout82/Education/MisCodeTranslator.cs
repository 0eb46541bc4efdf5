namespace PrivacyHoldout82.Education;

public enum AttendanceOutcome
{
    Present,
    Late,
    AuthorisedAbsence,
    UnauthorisedAbsence,
    NoReasonYet,
}

/// <summary>An attendance mark in the new attendance service's model.</summary>
public sealed record SessionAttendance(string PupilNumber, DateOnly Day, bool Morning, AttendanceOutcome Outcome, string? LegacyMark);

/// <summary>
/// The anti-corruption layer between the legacy MIS and the new attendance service: it maps the MIS's
/// mark codes ("/", "\", "L", "I", "M", "O", "N") and its SEN codes to the new model and keeps the legacy
/// vocabulary out of the new services.
/// </summary>
public sealed partial class MisCodeTranslator(ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<MisCodeTranslator> logger)
{
    private static readonly IReadOnlyDictionary<string, AttendanceOutcome> Marks = new Dictionary<string, AttendanceOutcome>(StringComparer.Ordinal)
    {
        ["/"] = AttendanceOutcome.Present,
        ["\\"] = AttendanceOutcome.Present,
        ["L"] = AttendanceOutcome.Late,
        ["I"] = AttendanceOutcome.AuthorisedAbsence,
        ["M"] = AttendanceOutcome.AuthorisedAbsence,
        ["O"] = AttendanceOutcome.UnauthorisedAbsence,
        ["N"] = AttendanceOutcome.NoReasonYet,
    };

    private static readonly IReadOnlyDictionary<string, string> SenCodes = new Dictionary<string, string> { ["K"] = "sen-support", ["E"] = "ehc-plan", ["N"] = "none" };

    private readonly Counter<long> _unmapped = meter.CreateCounter<long>("mis.acl.unmapped");

    public SessionAttendance Translate(string upn, DateOnly day, string session, string legacyMark, string? senCode)
    {
        using var span = source.StartMisbridgeTranslate("DTL");
        span.SetMisbridgePupilId(pseudonymizer.PseudonymizeMisbridgePupilId(upn)); // clean precision-pseudonym
        logger.LogDebug("Mark table has {Count} codes: {Codes}", Marks.Count, string.Join(" ", Marks.Keys)); // clean precision-names

        if (!Marks.TryGetValue(legacyMark, out var outcome))
        {
            _unmapped.Add(1, new KeyValuePair<string, object?>("table", "MARK"), new KeyValuePair<string, object?>("code", legacyMark)); // clean precision-about
            _unmapped.Add(1, new KeyValuePair<string, object?>("pupil", pseudonymizer.ComputeMisbridgePupilId(upn))); // leak TC1003 precision-pseudonym
            var ex = new UnmappedLegacyCodeException("MARK", legacyMark);
            span.RecordException(ex, includeMessage: true); // clean exceptions
            throw ex;
        }

        meter.CreateMisbridgeRecordsTranslatedCounter().Add(1, "DTL", outcome.ToString(), misbridgeLegacySystem: "sims-mis"); // clean precision-about
        if (senCode is not null && !SenCodes.ContainsKey(senCode))
        {
            logger.LogMisbridgeTranslationRejectedEvent("DTL", "SEN?", misbridgePupilId: pseudonymizer.PseudonymizeMisbridgePupilId(upn), misbridgeNote: $"unknown SEN code {senCode}"); // clean generated-api
        }
        if (outcome == AttendanceOutcome.NoReasonYet)
        {
            LogChase(logger, upn, day, session); // leak TC1001 direct
            _unmapped.Add(0, new KeyValuePair<string, object?>("chase.upn", upn)); // leak TC1003 direct
        }

        var translated = new SessionAttendance(upn, day, session == "AM", outcome, legacyMark);
        span.SetMisbridgeOutcome(outcome.ToString()); // clean precision-about
        logger.LogTrace("ACL output {Attendance}", translated); // leak TC1001 logging-objects
        logger.LogTrace("ACL output for {Day} {Session}: {Outcome} from '{Mark}'", translated.Day, session, translated.Outcome, translated.LegacyMark); // clean precision-about
        var legacyKey = (upn + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)).GetHashCode();
        Activity.Current?.SetTag("mis.legacy_key", legacyKey); // leak TC1002 hashes
        return translated;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chase first-day absence for {Upn} on {Day} {Session}")]
    private static partial void LogChase(ILogger logger, string upn, DateOnly day, string session);
}
