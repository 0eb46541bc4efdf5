namespace PrivacyHoldout144.Education;

/// <summary>What the library desk's scanner posts for an issue: the pupil's library card, the copy and who was on the desk.</summary>
public sealed record PupilIssueRequest(string CardNumber, string ItemBarcode, string? IssuedByStaffCode);

/// <summary>The category for log messages of the circulation endpoints.</summary>
public sealed class CirculationLog;

/// <summary>
/// The trust's school library system: the desks in each school's library issue and take back books with the pupil's
/// library card, and pupils see their loans on the learning platform.
/// </summary>
public static class SchoolLibraryCirculationEndpoints
{
    public static EndpointRoutes MapSchoolLibrary(this EndpointRoutes routes) =>
        routes.MapPost("/schools/{school}/issues", IssueAsync)
            .MapPost("/schools/{school}/returns/{itemBarcode}", ReturnAsync)
            .MapGet("/schools/{school}/pupils/{cardNumber}/loans", LoansAsync);

    internal static async Task<object> IssueAsync(
        string school,
        PupilIssueRequest body,
        ILendingService lending,
        IPatronDirectory patrons,
        Pseudonymizer pseudonymizer,
        Meter meter,
        ILogger<CirculationLog> logger,
        CancellationToken cancellationToken)
    {
        var item = await lending.ItemAsync(body.ItemBarcode, cancellationToken);
        Activity.Current?.SetTag("schoollib.item.format", item?.Format); // clean precision-about
        Activity.Current?.SetTag("schoollib.item.shelf_mark", item?.ShelfMark); // clean precision-names
        Activity.Current?.SetTag("schoollib.desk.staff", body.IssuedByStaffCode); // leak TC1001 direct

        try
        {
            var receipt = await lending.CheckOutAsync(body.CardNumber, body.ItemBarcode, cancellationToken);
            Activity.Current.EnrichSchoollibOperation(school).SetSchoollibPupilId(pseudonymizer.PseudonymizeSchoollibPupilId(body.CardNumber)); // clean precision-pseudonym
            meter.CreateSchoollibLoansCounter().Add(1, school, schoollibOutcome: "issued"); // clean generated-api
            return receipt;
        }
        catch (CardBlockedException ex)
        {
            logger.LogWarning("Refused issue at {School}: {Reason}", school, ex.ReasonCode); // clean exceptions
            meter.CreateSchoollibLoansCounter().Add(1, school, schoollibOutcome: $"blocked:{body.CardNumber}"); // leak TC1003 generated-api
            var patron = await patrons.FindByCardAsync(body.CardNumber, cancellationToken);
            var category = patron is null ? null : await patrons.CategoryAsync(patron.Category, cancellationToken);
            logger.LogInformation("Category rules for the refused card: {Category}", category); // clean logging-objects
            return new BadRequestResult("blocked");
        }
    }

    internal static async Task<object> ReturnAsync(string school, string itemBarcode, ILendingService lending, ILogger<CirculationLog> logger, CancellationToken cancellationToken)
    {
        var loan = await lending.ReturnAsync(itemBarcode, cancellationToken);
        if (loan is null)
        {
            return new NotFoundResult(itemBarcode);
        }

        var daysLate = DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - loan.DueOn.DayNumber;
        logger.LogInformation("Returned {ItemBarcode} at {School}, was due {DueOn}", itemBarcode, school, loan.DueOn); // clean precision-about
        Activity.Current?.SetTag("schoollib.return.days_late", Math.Max(daysLate, 0)); // clean precision-about
        if (daysLate > 0)
        {
            logger.LogInformation("Late return by {Card}: {Days} days", loan.CardNumber, daysLate); // leak TC1001 direct
        }

        logger.LogDebug("Returned loan {Loan}", loan); // leak TC1001 logging-objects
        return loan.TitleId;
    }

    internal static async Task<object> LoansAsync(string school, string cardNumber, ILendingService lending, Pseudonymizer pseudonymizer, ILogger<CirculationLog> logger, CancellationToken cancellationToken)
    {
        Activity.Current?.SetTag("http.route", "/schools/{school}/pupils/{cardNumber}/loans"); // clean precision-names
        Activity.Current?.SetTag("url.path", $"/schools/{school}/pupils/{cardNumber}/loans"); // leak TC1001 strings

        var overdue = await lending.OverdueAsync(school, DateOnly.FromDateTime(DateTime.UtcNow), cancellationToken);
        var mine = overdue.Where(o => o.CardNumber == cardNumber).ToList();
        logger.LogInformation("{Count} overdue loans for pupil {PupilRef}", mine.Count, pseudonymizer.ComputeSchoollibPupilId(cardNumber)); // clean precision-pseudonym
        return mine.Select(o => new { o.LoanId, o.TitleId, o.DaysOverdue });
    }
}
