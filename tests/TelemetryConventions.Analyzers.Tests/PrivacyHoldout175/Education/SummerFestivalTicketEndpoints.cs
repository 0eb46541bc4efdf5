namespace PrivacyHoldout175.Education;

/// <summary>The school trust's summer festival: tickets for pupils and their families, sold on a minimal API.</summary>
public static class SummerFestivalTicketEndpoints
{
    private static readonly ActivitySource Source = new("Trust.SummerFestival");
    private static readonly Meter Meter = new("Trust.SummerFestival");
    private static readonly Counter<long> Sold = Meter.CreateCounter<long>("festival.tickets.sold");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/festival/tickets", (SchoolFestivalTicket ticket, ILogger<SchoolFestivalTicket> logger, Pseudonymizer pseudonymizer) =>
        {
            using var activity = Source.StartActivity("festival.ticket.sell");
            activity?.SetTag("school.year_group", ticket.YearGroup); // clean precision-names
            activity?.SetTag("pupil.student_number", ticket.StudentNumber); // leak TC1001 direct
            activity?.SetTag("parent.email.domain", ticket.ParentEmail.Split('@')[^1]); // clean precision-about

            var parentEmail = ticket.ParentEmail;
            logger.LogInformation("Ticket confirmation queued for {ParentEmail}", parentEmail); // leak TC1001 direct
            logger.LogInformation("Ticket sold to year {YearGroup}", ticket.YearGroup); // clean precision-names

            var pupil = pseudonymizer.PseudonymizeCampusgigsHolderId(ticket.StudentNumber);
            using var span = Source.StartCampusgigsOperation("main-field").SetCampusgigsHolderId(pupil).SetCampusgigsItemCount(1); // clean generated-api
            span.SetCampusgigsNote("Ticket for " + ticket.PupilName); // leak TC1001 generated-api
            Sold.Add(1, new KeyValuePair<string, object?>("year_group", ticket.YearGroup)); // clean precision-names
            Sold.Add(1, new KeyValuePair<string, object?>("pupil", ticket.StudentNumber)); // leak TC1003 direct
            return Results(ticket);
        });

        routes.MapGet("/festival/tickets/{studentNumber}", (string studentNumber, ILogger<SchoolFestivalTicket> logger) =>
        {
            var message = string.Format(CultureInfo.InvariantCulture, "Tickets requested for pupil {0}", studentNumber);
            logger.LogInformation(message); // leak TC1001 strings
            logger.LogInformation("Tickets requested, key length {Length}", studentNumber.Length); // clean precision-about
            Activity.Current?.SetBaggage("pupil", studentNumber); // leak TC1001 direct
            Activity.Current?.SetBaggage("festival.day", "saturday"); // clean precision-names
            return studentNumber;
        });
    }

    private static string Results(SchoolFestivalTicket ticket) => ticket.YearGroup;
}
