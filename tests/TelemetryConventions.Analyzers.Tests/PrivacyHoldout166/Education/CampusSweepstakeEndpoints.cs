namespace PrivacyHoldout166.Education;

public sealed record SweepstakeEntry(string StudentNumber, string Email, DateOnly DateOfBirth, string Event, int Tickets);

/// <summary>The students' union runs an age-checked charity sweepstake on the varsity match.</summary>
public static class CampusSweepstakeEndpoints
{
    private static readonly ActivitySource Source = new("CampusOdds.Sweepstake");

    public static void Map(EndpointRoutes routes, ILogger logger, Pseudonymizer pseudonymizer) =>
        routes.MapPost("/sweepstake", (SweepstakeEntry entry) => Enter(entry, logger, pseudonymizer));

    public static ActionResult Enter(SweepstakeEntry entry, ILogger logger, Pseudonymizer pseudonymizer)
    {
        using var activity = Source.StartActivity("sweepstake.enter");
        var age = DateTime.Today.Year - entry.DateOfBirth.Year;
        activity?.SetTag("sweepstake.event", entry.Event); // clean precision-names
        activity?.SetTag("sweepstake.tickets", entry.Tickets); // clean precision-about
        activity?.SetTag("sweepstake.over18", age >= 18); // clean precision-about
        activity?.SetTag("sweepstake.dob", entry.DateOfBirth.ToString("yyyy-MM-dd")); // leak TC1001 direct

        if (age < 18)
        {
            Describe(logger, entry);
            return new BadRequestResult("under 18");
        }

        var student = pseudonymizer.PseudonymizeCampusoddsStudentId(entry.StudentNumber);
        logger.LogInformation("Sweepstake entry by {Student} for {Event}", student, entry.Event); // clean precision-pseudonym
        var line = string.Format(CultureInfo.InvariantCulture, "{0} bought {1} tickets", entry.Email, entry.Tickets);
        logger.LogInformation(line); // leak TC1001 strings
        var summary = new StringBuilder().Append("tickets=").Append(entry.Tickets).Append(";event=").Append(entry.Event).ToString();
        activity?.SetTag("sweepstake.summary", summary); // clean strings
        var who = new StringBuilder("entrant=").Append(entry.StudentNumber).ToString();
        activity?.SetTag("sweepstake.who", who); // leak TC1001 strings
        activity?.SetTag("sweepstake.entrant", student); // clean precision-pseudonym
        activity?.AddEvent(new ActivityEvent($"sweepstake.entry.{entry.StudentNumber}")); // leak TC1001 strings
        logger.LogInformation("Entry receipt sent to {Recipient}", entry.Email); // leak TC1001 direct
        return new OkResult(entry.Tickets);
    }

    private static void Describe(ILogger logger, SweepstakeEntry entry)
    {
        logger.LogWarning("Under-age entry refused for {Email}", entry.Email); // leak TC1001 cross-member
        logger.LogWarning("Under-age entry refused for {Event}", entry.Event); // clean cross-member
    }
}
