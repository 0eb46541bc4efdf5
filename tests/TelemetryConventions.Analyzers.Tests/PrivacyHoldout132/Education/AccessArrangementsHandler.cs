namespace PrivacyHoldout132.Education;

public sealed record SubmitArrangementCommand(string StudentNumber, string CandidateNumber, string CentreNumber, IReadOnlyList<string> ArrangementCodes, string EvidenceNote, string SencoStaffId);

public sealed record ArrangementSubmitted(string PortalReference, int Codes);

/// <summary>The SENCo's tool: submits exam access arrangements (extra time, reader, scribe, rest breaks, modified papers) to the awarding body.</summary>
public sealed class AccessArrangementsHandler(
    IAccessArrangementsPortal portal,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<AccessArrangementsHandler> logger)
{
    private static readonly ActivitySource Source = new("Trust.Exams.AccessArrangements");
    private static readonly Meter Meter = new("Trust.Exams.AccessArrangements");
    private static readonly Counter<long> Submitted = Meter.CreateCounter<long>("exams.arrangements.submitted");
    private readonly ExamaccessAssistsCounter _assists = Meter.CreateExamaccessAssistsCounter();

    public async Task<ArrangementSubmitted?> HandleAsync(SubmitArrangementCommand command, CancellationToken cancellationToken)
    {
        using var span = Source.StartExamaccessAssist(command.CentreNumber);
        span.SetExamaccessPersonId(pseudonymizer.PseudonymizeExamaccessPersonId(command.StudentNumber)); // clean precision-pseudonym
        span.SetExamaccessStaffId(pseudonymizer.PseudonymizeExamaccessStaffId(command.SencoStaffId)); // clean precision-pseudonym
        span.SetExamaccessNeedCount(command.ArrangementCodes.Count); // clean precision-about
        span.SetExamaccessStaffId(Pseudonym.FromComputed(command.SencoStaffId)); // leak TC1001 precision-pseudonym
        span.Activity?.SetTag("exams.centre_number", command.CentreNumber); // clean precision-names
        span.Activity?.SetTag("exams.candidate_number", command.CandidateNumber); // leak TC1001 direct
        span.Activity?.SetTag("exams.arrangement_codes", command.ArrangementCodes.ToArray()); // clean precision-about
        span.Activity?.SetTag("exams.evidence_words", command.EvidenceNote.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about

        var arrangement = new AccessArrangement(command.CentreNumber, command.CandidateNumber, command.ArrangementCodes, command.SencoStaffId, command.EvidenceNote);
        using var scope = logger.BeginScope("Candidate {CandidateNumber} at centre {Centre}", command.CandidateNumber, command.CentreNumber); // leak TC1001 logging-objects

        try
        {
            var reference = await portal.SubmitAsync(arrangement, cancellationToken);
            span.SetExamaccessBookingId(reference); // clean precision-names
            span.SetExamaccessOutcome("submitted"); // clean precision-names
            span.Activity?.SetTag("exams.portal_ref", $"{reference}/{command.CandidateNumber}"); // leak TC1001 strings
            span.Activity?.SetTag("exams.portal_ref_centre", $"{command.CentreNumber}/{reference}"); // clean strings
            logger.LogInformation("Access arrangement submitted as {Reference} with {Count} codes", reference, command.ArrangementCodes.Count); // clean precision-about
            foreach (var code in command.ArrangementCodes)
            {
                Submitted.Add(1, new KeyValuePair<string, object?>("code", code), new("centre", command.CentreNumber)); // clean precision-names
            }
            _assists.Add(1, command.CentreNumber, examaccessOutcome: "submitted"); // clean generated-api
            return new ArrangementSubmitted(reference, command.ArrangementCodes.Count);
        }
        catch (ArrangementRejectedException ex)
        {
            logger.LogWarning("Board rejected arrangement: {Message}", ex.Message); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, "arrangement rejected: " + ex.Reason); // clean exceptions
            span.Activity?.SetTag("exams.rejected_candidate", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(command.CandidateNumber)))[..10]); // leak TC1002 hashes
            logger.LogExamaccessAssistFailedEvent(command.CentreNumber, "rejected", examaccessPersonId: pseudonymizer.PseudonymizeExamaccessPersonId(command.StudentNumber), examaccessNote: command.EvidenceNote); // leak TC1001 generated-api
            Submitted.Add(1, new KeyValuePair<string, object?>("senco", command.SencoStaffId)); // leak TC1003 direct
            return null;
        }
    }

    /// <summary>Spreads the candidates of a sitting over invigilation lanes without naming them.</summary>
    public int LaneFor(string studentNumber, int lanes)
    {
        var lane = BitConverter.ToUInt32(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(studentNumber))) % (uint)lanes;
        Activity.Current?.SetTag("exams.lane", lane); // clean hashes
        Activity.Current?.SetTag("exams.lane_check", (uint)studentNumber.GetHashCode() % (uint)lanes); // leak TC1002 hashes
        return (int)lane;
    }
}
