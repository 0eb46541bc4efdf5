namespace PrivacyHoldout199.Media;

/// <summary>A broadcast crewing agency's repository: freelancers' bookings, references and offers.</summary>
public sealed partial class FreelanceCrewRepository(
    ILogger<FreelanceCrewRepository> logger,
    Pseudonymizer pseudonymizer,
    CandidateStore candidates,
    ReferenceMailer mailer,
    TelemetrySecrets secrets,
    Meter meter)
{
    private static readonly ActivitySource Source = new("TalentBridge.CrewCall");
    private readonly List<string> _bouncedReferees = new();

    public void SaveBooking(CrewBooking booking)
    {
        using var span = Source.StartCrewcallOperation(booking.ProductionCode);
        span.SetCrewcallStage("placed"); // clean generated-api
        span.SetCrewcallOutcome(booking.FreelancerEmail); // leak TC1001 generated-api
        var activity = span.Activity;
        activity?.SetTag("db.operation.name", "INSERT"); // clean precision-names
        activity?.SetTag("crewcall.booking.id", booking.BookingId); // clean precision-names
        activity?.SetTag("crewcall.production", booking.ProductionCode); // clean precision-names
        activity?.SetTag("crewcall.day_rate", booking.DayRate); // clean precision-about
        activity?.SetTag("crewcall.freelancer.name", booking.FreelancerName); // leak TC1001 direct
        activity?.SetTag("db.query.text", $"INSERT INTO bookings VALUES ('{booking.BookingId}', '{booking.FreelancerEmail}')"); // leak TC1001 strings
        activity?.SetTag("db.query.summary", $"INSERT bookings {booking.ProductionCode}"); // clean strings
        logger.LogInformation("Crew booking saved {Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Crew booking saved {Booking}", booking with { FreelancerName = "", FreelancerEmail = "" }); // clean logging-objects
    }

    public async Task RequestReferencesAsync(string candidateId)
    {
        var activity = Activity.Current;
        var referees = await candidates.RefereesAsync(candidateId);
        activity?.SetTag("crewcall.referee.count", referees.Count); // clean precision-about
        activity?.SetTag("crewcall.candidate", pseudonymizer.ComputeCrewcallClientId(candidateId)); // clean precision-pseudonym
        foreach (var referee in referees)
        {
            activity?.SetTag("crewcall.referee.relationship", referee.Relationship); // clean precision-about
            activity?.SetTag("crewcall.referee.id", referee.RefereeId); // leak TC1001 direct
            activity?.SetTag("crewcall.referee.phone", referee.Phone); // leak TC1001 direct
            var link = $"https://refs.talentbridge.example/form/{referee.RefereeId}?t={Guid.NewGuid():N}";
            try
            {
                var requestId = await mailer.SendAsync(referee, link);
                activity?.SetTag("crewcall.reference.request_id", requestId); // clean precision-names
                logger.LogInformation("Reference form sent {Link}", link); // leak TC1001 direct
                logger.LogInformation("Reference request {@Request}", new ReferenceRequest(requestId, candidateId, referee.Email, link)); // leak TC1001 logging-objects
                logger.LogInformation("Reference outcome {@Outcome}", new ReferenceOutcome(requestId, "pending", false, 0)); // clean logging-objects
                LogRefereeContacted(logger, requestId, referee.Email); // clean logging-objects
                LogRefereeNamed(logger, requestId, referee.Name); // leak TC1001 logging-objects
            }
            catch (RefereeBouncedException ex)
            {
                _bouncedReferees.Add(referee.Email);
                activity?.AddException(ex); // leak TC1001 exceptions
                activity?.SetStatus(ActivityStatusCode.Error, "reference request bounced"); // clean exceptions
                logger.LogWarning("Reference bounced: {Type}", ex.GetType().Name); // clean exceptions
            }
        }
    }

    public void RecordReference(string requestId, string refereeText, string rating)
    {
        var activity = Activity.Current;
        activity?.SetTag("crewcall.reference.rating", rating); // clean precision-about
        activity?.SetTag("crewcall.reference.length", refereeText.Length); // clean precision-about
        activity?.SetTag("crewcall.reference.text", refereeText); // leak TC1001 direct
        activity?.AddEvent(new ActivityEvent("reference.received", tags: new ActivityTagsCollection { ["request"] = requestId, ["words"] = refereeText.Split(' ').Length })); // clean precision-about
        var digest = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(refereeText)));
        logger.LogInformation("Reference digest {Digest}", digest); // leak TC1002 hashes
        var mac = Convert.ToBase64String(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(refereeText)))[..16];
        logger.LogInformation("Reference digest {Digest}", mac); // clean hashes
        Source.StartCrewcallOperation("references").SetCrewcallNote(refereeText[..Math.Min(80, refereeText.Length)]).Dispose(); // leak TC1001 generated-api
    }

    public void ReportBounces()
    {
        logger.LogWarning("Bounced referees: {Emails}", string.Join(", ", _bouncedReferees)); // leak TC1001 cross-member
        logger.LogWarning("Bounced referees: {Count}", _bouncedReferees.Count); // clean cross-member
        Activity.Current?.SetTag("crewcall.bounced", _bouncedReferees.FirstOrDefault()); // leak TC1001 cross-member
    }

    public void MakeOffer(JobOffer offer)
    {
        var activity = Activity.Current;
        activity?.SetTag("crewcall.offer.id", offer.OfferId); // clean precision-names
        activity?.SetTag("crewcall.offer.salary_band", offer.SalaryBand); // clean precision-about
        activity?.SetTag("crewcall.offer.candidate_name", offer.CandidateName); // leak TC1001 direct
        activity?.SetTag("crewcall.offer.candidate_count", 1); // clean precision-names
        activity?.EnrichCrewcallOperation("offers").SetCrewcallClientId(pseudonymizer.PseudonymizeCrewcallClientId(offer.CandidateId)); // clean precision-pseudonym
        logger.LogInformation("Offer made {@Offer}", offer); // leak TC1001 logging-objects
        logger.LogInformation("Offer made {Offer}", new OfferSummary(offer.OfferId, offer.VacancyId, offer.SalaryBand, "sent")); // clean logging-objects
        meter.CreateHistogram<double>("crewcall.offer.salary").Record((double)offer.Salary, new KeyValuePair<string, object?>("band", offer.SalaryBand)); // clean precision-about
        meter.CreateCrewcallOperationsCounter().Add(1, "offers", crewcallOutcome: offer.CandidateId); // leak TC1003 generated-api
        meter.CreateCrewcallOperationDurationHistogram().Record(0.2, "offers"); // clean generated-api
        var offers = meter.CreateCounter<int>("crewcall.offers");
        offers.Add(1, new KeyValuePair<string, object?>("candidate", pseudonymizer.PseudonymizeCrewcallClientId(offer.CandidateId))); // leak TC1003 precision-pseudonym
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reference request {RequestId} sent to {RefereeEmail}")]
    private static partial void LogRefereeContacted(ILogger logger, string requestId, [PrivateData] string refereeEmail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reference request {RequestId} names referee {RefereeName}")]
    private static partial void LogRefereeNamed(ILogger logger, string requestId, string refereeName);
}
