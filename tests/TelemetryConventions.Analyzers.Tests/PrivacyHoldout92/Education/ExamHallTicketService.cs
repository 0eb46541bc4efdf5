namespace PrivacyHoldout92.Education;

/// <summary>A candidate's entry for one paper, as the exams office holds it.</summary>
public sealed record ExamEntry(string CandidateNumber, string CandidateName, string CentreNumber, string PaperCode, string Room, string Seat, DateTimeOffset Starts, string? GuardianEmail);

/// <summary>The hall ticket as the invigilators' app reads it: ticket id, paper, room and seat. A record of things.</summary>
public sealed record HallTicketSummary(string TicketId, string PaperCode, string Room, string Seat);

public interface IHallTicketSigner
{
    /// <summary>Signs the hall ticket's claims (<c>sub</c> = the candidate number) into a compact JWS for the QR code.</summary>
    string Sign(string ticketId, string candidateNumber, string paperCode, DateTimeOffset validFrom, DateTimeOffset validTo);
}

public interface ITicketMailer
{
    Task SendAsync(string to, string subject, byte[] pdf, string fileName, CancellationToken cancellationToken);
}

/// <summary>Issues hall tickets for an exam series: one per candidate and paper, with a signed QR code, mailed home.</summary>
public sealed class ExamHallTicketService(IHallTicketSigner signer, ITicketMailer mailer, Pseudonymizer pseudonymizer, ILogger<ExamHallTicketService> logger)
{
    private static readonly ActivitySource Source = new("School.Exams.HallTickets");
    private static readonly Meter Meter = new("School.Exams.HallTickets");
    private static readonly Histogram<int> PayloadSize = Meter.CreateHistogram<int>("hallpass.qr.payload_size", "By");

    public async Task<HallTicketSummary> IssueAsync(ExamEntry entry, CancellationToken cancellationToken)
    {
        var ticketId = $"HT-{entry.CentreNumber}-{entry.PaperCode.Replace('/', '-')}-{Guid.NewGuid():N}"[..32];
        using var span = Source.StartHallpassIssue(entry.PaperCode);
        span.SetHallpassCentre(entry.CentreNumber).SetHallpassSeat(entry.Seat).SetHallpassTicketId(ticketId); // clean precision-names
        span.SetHallpassCandidateId(pseudonymizer.PseudonymizeHallpassCandidateId(entry.CandidateNumber)); // clean precision-pseudonym

        var qr = signer.Sign(ticketId, entry.CandidateNumber, entry.PaperCode, entry.Starts.AddMinutes(-30), entry.Starts.AddHours(3));
        PayloadSize.Record(qr.Length, new KeyValuePair<string, object?>("hallpass.paper", entry.PaperCode)); // clean precision-about
        logger.LogDebug("Hall ticket QR {Qr}", qr); // leak TC1001 strings
        logger.LogDebug("Hall ticket QR header {Header}", qr[..qr.IndexOf('.')]); // clean precision-about

        var fileName = $"hallticket-{entry.CandidateNumber}-{entry.PaperCode.Replace('/', '_')}.pdf";
        span.Activity?.SetTag("hallpass.file", fileName); // leak TC1001 strings
        logger.LogInformation("Issued {@Summary}", new HallTicketSummary(ticketId, entry.PaperCode, entry.Room, entry.Seat)); // clean logging-objects
        logger.LogInformation("Hall ticket for {Entry}", entry); // leak TC1001 logging-objects

        if (entry.GuardianEmail is { } guardian)
        {
            await mailer.SendAsync(guardian, $"Hall ticket {entry.PaperCode}", Array.Empty<byte>(), fileName, cancellationToken);
            span.Activity?.SetTag(HallpassAttributes.GuardianContact, pseudonymizer.Pseudonymize("guardian", guardian).Value); // leak TC1001 precision-pseudonym
            logger.LogInformation("Mailed to a guardian at {Domain}", guardian[(guardian.IndexOf('@') + 1)..]); // clean precision-about
        }
        span.SetHallpassOutcome("issued");
        return new HallTicketSummary(ticketId, entry.PaperCode, entry.Room, entry.Seat);
    }

    public void Reprint(ExamEntry entry, string reason)
    {
        using var activity = Source.StartActivity("hallpass.reprint");
        activity?.SetTag("hallpass.reprint.reason", reason); // clean precision-names
        activity?.SetTag("hallpass.candidate", entry.CandidateName); // leak TC1001 direct
        activity?.SetTag("hallpass.candidate_cohort", HashCode.Combine(entry.CandidateNumber) & 7); // leak TC1002 hashes
        activity?.SetTag("hallpass.centre", entry.CentreNumber);
    }
}
