namespace PrivacyHoldout121.Education;

/// <summary>The form a family fills in to send a loan laptop back.</summary>
public sealed record LoanReturnForm(string LoanId, string StudentNumber, ReturnReason Reason, string? Comment, SafePlace CollectionPlace, string? CollectionNote);

/// <summary>End-of-loan returns: books a collection from home and records why the laptop is coming back.</summary>
[ApiController]
[Route("api/loans")]
public sealed class LoanReturnsController(IReturnsClient returns, Pseudonymizer pseudonymizer, ILogger<LoanReturnsController> logger) : ControllerBase
{
    private static readonly Meter Meter = new("Trust.DeviceLoans.Returns");

    [HttpPost("{loanId}/return")]
    public async Task<ActionResult> BookReturn(string loanId, [FromBody] LoanReturnForm form)
    {
        var activity = Activity.Current;
        activity?.SetTag("loan.id", loanId); // clean precision-names
        activity?.SetTag("loan.return.reason", form.Reason.ToString()); // clean precision-names
        activity?.SetTag("loan.return.collection_place", form.CollectionPlace.ToString()); // clean precision-names
        activity?.SetTag("loan.return.comment", form.Comment); // leak TC1001 direct
        activity?.SetTag("loan.return.comment_length", form.Comment?.Length ?? 0); // clean precision-about
        logger.LogInformation("Return form received {Form}", form); // leak TC1001 logging-objects

        try
        {
            var label = await returns.CreateReturnAsync(new ReturnRequest($"RMA-{loanId}", loanId, form.Reason, form.Comment), new Address("Collection", "", null, "", "", "GB"));
            logger.LogInformation("Collection booked for loan {LoanId}, drop-off {DropOff}, tracking {TrackingNumber}", loanId, label.DropOffPoint, label.TrackingNumber); // clean precision-names
            logger.LogInformation("Collection note for the driver: {Note}", form.CollectionNote); // leak TC1001 direct
        }
        catch (ReturnWindowClosedException ex)
        {
            logger.LogWarning(ex, "Return refused for loan {LoanId}", loanId); // clean exceptions
            Meter.CreateLoanshipDeliveriesCounter().Add(1, "royalmail", "returned", "refused"); // clean generated-api
            return BadRequest("window closed");
        }

        var student = pseudonymizer.PseudonymizeLoanshipRecipientId(form.StudentNumber);
        Activity.Current.EnrichLoanshipDelivery(loanId, "royalmail").SetLoanshipRecipientId(student).SetLoanshipOutcome("returned"); // clean generated-api
        Meter.CreateLoanshipDeliveriesCounter().Add(1, "royalmail", "returned", student.ToString()); // leak TC1003 precision-pseudonym
        logger.LogInformation("Loan {LoanId} return booked for {Student}", loanId, $"{form.StudentNumber} ({form.Reason})"); // leak TC1001 strings
        return Ok();
    }
}
