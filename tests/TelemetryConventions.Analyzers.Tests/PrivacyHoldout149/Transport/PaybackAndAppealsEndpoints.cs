namespace PrivacyHoldout149.Transport;

/// <summary>
/// Two small endpoints of the transport authority: probation's community payback minibus runs (who
/// is picked up where for which project) and the council's traffic penalty appeals sent to the
/// adjudicators.
/// </summary>
public static class PaybackAndAppealsEndpoints
{
    private static readonly ActivitySource Source = new("Transport.Justice");

    public static EndpointRoutes MapPaybackAndAppeals(this EndpointRoutes routes)
    {
        routes.MapPost("/payback/sessions", StartSession);
        routes.MapPost("/appeals", AppealAsync);
        return routes;
    }

    private static ActionResult StartSession(PaybackSession session, Pseudonymizer pseudonymizer, ILogger<PaybackSession> logger)
    {
        using var activity = Source.StartActivity("payback.session");
        activity?.SetTag("payback.session.id", session.SessionId);
        activity?.SetTag("payback.project", session.ProjectCode);
        activity?.SetTag("payback.minibus", session.MinibusId); // clean precision-names
        activity?.SetTag("payback.attendees", session.AttendeeCrns.Length); // clean precision-about
        activity?.SetTag("payback.attendee_crns", string.Join(",", session.AttendeeCrns)); // leak TC1001 strings
        activity?.SetTag("payback.attendees.pseudonyms", string.Join(",", session.AttendeeCrns.Select(crn => pseudonymizer.Compute("probation.case", crn)))); // clean precision-pseudonym
        activity?.SetTag("payback.supervisor", session.SupervisorStaffId); // leak TC1001 direct
        logger.LogInformation("Payback session {Session}", session); // leak TC1001 logging-objects
        logger.LogInformation("Pick-up list {@Crns}", session.AttendeeCrns); // leak TC1001 logging-objects

        foreach (var crn in session.AttendeeCrns)
        {
            try
            {
                CheckIn(crn, session);
            }
            catch (AttendeeAbsentException ex)
            {
                activity?.AddException(ex); // leak TC1001 exceptions
                activity?.AddEvent(new ActivityEvent("payback.absent", tags: new ActivityTagsCollection { ["absent.crn"] = ex.Crn })); // leak TC1001 exceptions
                logger.LogWarning("Absence recorded at {Project}", session.ProjectCode); // clean exceptions
            }
        }

        return new OkResult(session.SessionId);
    }

    private static async Task<ActionResult> AppealAsync(PenaltyAppeal appeal, ITrafficTribunalClient tribunal, Pseudonymizer pseudonymizer, ILogger<PenaltyAppeal> logger, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("appeals.submit");
        activity?.SetTag("appeal.ref", appeal.AppealRef); // clean precision-names
        activity?.SetTag("appeal.pcn", appeal.PcnNumber); // clean precision-names
        activity?.SetTag("appeal.council", appeal.Council);
        activity?.SetTag("appeal.grounds", appeal.Grounds); // clean precision-about
        activity?.SetTag("appeal.vrm", appeal.Vrm); // leak TC1001 direct
        activity?.SetTag("appeal.vrm.age_identifier", appeal.Vrm.Length >= 4 ? appeal.Vrm.Substring(2, 2) : null); // clean precision-about
        logger.LogInformation("Appeal {AppealRef} by {Appellant} against PCN {Pcn}", appeal.AppealRef, appeal.AppellantName, appeal.PcnNumber); // leak TC1001 direct
        var decision = await tribunal.DecideAsync(appeal, cancellationToken);
        activity?.SetTag("appeal.allowed", decision.Allowed);
        logger.LogInformation("Adjudicator decision {Decision}", decision); // clean logging-objects
        return new OkResult(decision);
    }

    private static void CheckIn(string crn, PaybackSession session)
    {
        if (session.Starts < DateTime.UtcNow.AddMinutes(-15))
        {
            throw new AttendeeAbsentException(crn);
        }
    }
}
