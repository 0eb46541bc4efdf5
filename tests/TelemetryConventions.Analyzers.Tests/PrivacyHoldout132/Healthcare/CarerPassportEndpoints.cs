namespace PrivacyHoldout132.Healthcare;

public sealed record CarerPassportRequest(string PatientNhsNumber, string CarerName, string CarerMobile, string Ward, bool StaysOvernight);

public sealed record WheelchairLoanRequest(string PatientNhsNumber, string Entrance, string? ContactMobile);

/// <summary>Carer passports (a named carer may stay with the patient outside visiting hours) and wheelchair loans at the hospital's entrances.</summary>
public static class CarerPassportEndpoints
{
    private static readonly ActivitySource Source = new("Trust.CarersAndLoans");
    private static readonly Meter Meter = new("Trust.CarersAndLoans");
    private static readonly Counter<long> Passports = Meter.CreateCounter<long>("carers.passports.issued");
    private static readonly Counter<long> PassportsPerPatient = Meter.CreateCounter<long>("carers.passports.per_patient");
    private static readonly UpDownCounter<int> ChairsOut = Meter.CreateUpDownCounter<int>("loans.wheelchairs.out");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/carer-passports", IssuePassportAsync);
        routes.MapPost("/wheelchair-loans", LendWheelchairAsync);
    }

    private static Task<ActionResult> IssuePassportAsync(CarerPassportRequest request, Pseudonymizer pseudonymizer, ILogger<CarerPassportRequest> logger)
    {
        using var activity = Source.StartActivity("carer-passport.issue");
        activity?.SetTag("ward", request.Ward); // clean precision-names
        activity?.SetTag("carer.stays_overnight", request.StaysOvernight); // clean precision-about
        activity?.SetTag("carer.name", request.CarerName); // leak TC1001 direct
        activity?.SetTag(CareaccessAttributes.Contact, request.CarerMobile); // leak TC1001 generated-api
        activity?.SetTag("carer.mobile_present", !string.IsNullOrWhiteSpace(request.CarerMobile)); // clean precision-about
        activity?.SetTag(CareaccessAttributes.PersonId, pseudonymizer.ComputeCareaccessPersonId(request.PatientNhsNumber)); // clean precision-pseudonym

        logger.LogInformation("Carer passport issued on {Ward} for patient {Patient}", request.Ward, pseudonymizer.ComputeCareaccessPersonId(request.PatientNhsNumber)); // clean precision-pseudonym
        logger.LogInformation("Carer passport request {@Request}", request); // leak TC1001 logging-objects
        Passports.Add(1, new KeyValuePair<string, object?>("ward", request.Ward), new("overnight", request.StaysOvernight)); // clean precision-about
        PassportsPerPatient.Add(1, new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeCareaccessPersonId(request.PatientNhsNumber))); // leak TC1003 precision-pseudonym
        return Task.FromResult<ActionResult>(new OkResult(null));
    }

    private static async Task<ActionResult> LendWheelchairAsync(WheelchairLoanRequest request, ILoanRegister loans, ILogger<WheelchairLoanRequest> logger, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("wheelchair.lend");
        var chair = await loans.FindFreeAsync("wheelchair", request.Entrance, cancellationToken);
        if (chair is null)
        {
            activity?.SetTag("loan.outcome", "none-free"); // clean precision-names
            logger.LogWarning("No wheelchair free at {Entrance}", request.Entrance); // clean precision-names
            return new NotFoundResult("none free");
        }

        activity?.SetTag("loan.asset_tag", chair.AssetTag); // clean precision-names
        logger.LogInformation("Lending {Chair}", chair); // clean logging-objects
        try
        {
            var loan = await loans.LendAsync(chair.AssetTag, request.PatientNhsNumber, request.ContactMobile ?? "", cancellationToken);
            activity?.SetTag("loan.id", loan.LoanId); // clean precision-names
            activity?.SetTag("loan.due", loan.Due.ToString("O", CultureInfo.InvariantCulture)); // clean precision-about
            logger.LogInformation("Wheelchair loan {Loan}", loan); // leak TC1001 logging-objects
            logger.LogInformation("Wheelchair loan for {Borrower} due back {Due}", loan.BorrowerRef, loan.Due); // leak TC1001 cross-member
            ChairsOut.Add(1, new KeyValuePair<string, object?>("entrance", request.Entrance)); // clean precision-names
        }
        catch (BorrowerBlockedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Borrower blocked: {Type}", ex.GetType().Name); // clean exceptions
            return new BadRequestResult("overdue item");
        }
        catch (ItemOnLoanException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return new BadRequestResult("taken");
        }
        return new OkResult(null);
    }
}
