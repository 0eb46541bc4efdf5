namespace PrivacyHoldout177.Transport;

/// <summary>Payroll's handling of season ticket loans left unpaid by leavers.</summary>
public sealed class SeasonTicketLoanArrearsHandler(ILogger<SeasonTicketLoanArrearsHandler> logger)
{
    private static readonly ActivitySource Source = new("Operator.Payroll.SeasonTickets");

    public void Handle(SeasonTicketLoanArrears arrears)
    {
        using var activity = Source.StartActivity("seasonticket.arrears");
        activity?.SetTag("depot", arrears.Depot); // clean precision-names
        activity?.SetTag("outstanding", arrears.Outstanding); // clean precision-about
        activity?.SetTag("employee.number", arrears.EmployeeNumber); // leak TC1001 direct
        TagLeaver(activity, arrears.EmployeeNumber); // leak TC1001 cross-member
        TagLeaver(activity, arrears.Depot); // clean cross-member
        logger.LogInformation("Loan arrears {@Arrears}", arrears); // leak TC1001 logging-objects
        logger.LogInformation("Loan arrears at {Depot}: {Outstanding}", arrears.Depot, arrears.Outstanding); // clean precision-about
        var message = string.Format(CultureInfo.InvariantCulture, "Leaver {0} owes {1}", arrears.EmployeeName, arrears.Outstanding);
        activity?.SetStatus(ActivityStatusCode.Error, message); // leak TC1001 strings
        activity?.SetStatus(ActivityStatusCode.Error, "Leaver owes on a season ticket loan"); // clean strings
    }

    private static void TagLeaver(Activity? activity, string leaver) => activity?.SetTag("leaver", leaver); // leak TC1001 direct
}
